import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  CITATION,
  EN_CITED,
  EN_TRICKY,
  exportFixture,
  exportText,
  KK_CITED,
  request,
} from "../../../tests/fixtures/export-world";
import { XLIFF12_XSD, XLIFF20_XSD, xmllint } from "../../../tests/standards/xmllint";

const ctx = exportFixture();

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["file", "trans-unit", "context-group", "context", "note", "unit", "prl:target"].includes(name),
});

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is checked field by field.
type Node = any;
const text = (node: Node) => (typeof node === "string" ? node : (node?.["#text"] ?? ""));
const contexts = (group: Node) => Object.fromEntries(group.context.map((c: Node) => [c["@context-type"], text(c)]));

function expectValid(xml: string, schema: string) {
  const lint = xmllint(xml, { schema });
  expect(lint.output.trim()).toMatch(/validates$/);
  expect(lint.valid).toBe(true);
}

describe("XLIFF 1.2 export", () => {
  it("validates against the strict schema, one <file> per target", async () => {
    const xml = await exportText(ctx.world, request("xliff12"));
    expectValid(xml, XLIFF12_XSD);
    expect(xml).toContain(CITATION);
    const files = parser.parse(xml).xliff.file;
    expect(files.map((f: Node) => f["@target-language"])).toEqual(["en", "kk"]);
    expect(files[0]["@original"]).toBe(ctx.world.document.title);
    for (const file of files) expect(file.body["trans-unit"]).toHaveLength(ctx.world.segments.length);
  });

  it("maps statuses to state, approved, and the exact status in a context", async () => {
    const [en, kk] = parser.parse(await exportText(ctx.world, request("xliff12"))).xliff.file;
    const unit = (file: Node, position: number) =>
      file.body["trans-unit"].find((u: Node) => u["@id"] === String(position));
    const cited = unit(en, ctx.fx.cited.position);
    expect(text(cited.source)).toBe(ctx.fx.cited.source);
    expect(text(cited.target)).toBe(EN_CITED);
    expect(cited.target["@state"]).toBe("final");
    expect(cited["@approved"]).toBe("yes");
    expect(cited["@restype"]).toBe("x-paragraph");
    expect(cited["@xml:space"]).toBe("preserve");
    expect(contexts(cited["context-group"][0])).toMatchObject({
      "x-prl-status": "approved",
      "x-prl-updated-by": "Olena Owner",
    });
    expect(text(unit(kk, ctx.fx.cited.position).target)).toBe(KK_CITED);

    const plain = unit(en, ctx.fx.first.position);
    expect(text(plain.target)).toBe(EN_TRICKY);
    expect(plain.target["@state"]).toBe("needs-translation");
    expect(plain["@approved"]).toBeUndefined();
    const rejected = unit(kk, ctx.fx.first.position).target;
    expect([rejected["@state"], rejected["@state-qualifier"]]).toEqual(["needs-translation", "rejected-inaccurate"]);
    expect(unit(en, ctx.fx.listItem.position).target["@state"]).toBe("signed-off");
    expect(unit(en, ctx.fx.listItem.position)["@restype"]).toBe("x-list_item");
  });

  it("writes notes with from=author and their fields in x-prl-note context groups", async () => {
    const [en, kk] = parser.parse(await exportText(ctx.world, request("xliff12"))).xliff.file;
    const cited = en.body["trans-unit"].find((u: Node) => u["@id"] === String(ctx.fx.cited.position));
    // The paragraph's own note (first file only), the thread on en, and its reply.
    expect(cited.note.map(text)).toEqual([
      "Check the citation «52».",
      'Use "round table" — not "roundtable".',
      "Agreed & fixed.",
    ]);
    expect(cited.note.map((n: Node) => n["@from"])).toEqual(["Olena Owner", "A reviewer", "Olena Owner"]);
    expect(cited.note[1]["@annotates"]).toBe("target");
    const groups = Object.fromEntries(cited["context-group"].map((g: Node) => [g["@name"], contexts(g)]));
    const p = ctx.fx.cited.position;
    expect(groups[`x-prl-note-${p}-1`]).toEqual({
      "x-prl-created-at": "2026-11-10T09:01:00.123Z",
      "x-prl-resolved": "no",
    });
    expect(groups[`x-prl-note-${p}-2`]).toEqual({
      "x-prl-lang": "en",
      "x-prl-created-at": "2026-11-10T09:02:00.123Z",
      "x-prl-resolved": "no",
      "x-prl-category": "fluency/punctuation",
      "x-prl-severity": "minor",
      "x-prl-anchor-side": "target",
      "x-prl-anchor-start": "4",
      "x-prl-anchor-end": "5",
      "x-prl-anchor-text": "«",
    });
    expect(groups[`x-prl-note-${p}-3`]).toMatchObject({ "x-prl-reply-to": "2", "x-prl-lang": "en" });
    const kkCited = kk.body["trans-unit"].find((u: Node) => u["@id"] === String(p));
    expect(kkCited.note).toBeUndefined();
    const item = kk.body["trans-unit"].find((u: Node) => u["@id"] === String(ctx.fx.listItem.position));
    expect(contexts(item["context-group"][1])).toMatchObject({ "x-prl-resolved": "yes", "x-prl-severity": "major" });
  });

  it("with approvedOnly and without notes still validates and leaves them out", async () => {
    const xml = await exportText(ctx.world, request("xliff12", { approvedOnly: true, includeNotes: false }));
    expectValid(xml, XLIFF12_XSD);
    expect(xml).not.toContain("<note");
    const [en] = parser.parse(xml).xliff.file;
    const withTarget = en.body["trans-unit"].filter((u: Node) => u.target !== undefined);
    expect(withTarget.map((u: Node) => u["@id"])).toEqual([String(ctx.fx.cited.position)]);
  });
});

describe("XLIFF 2.0 export", () => {
  it("validates against the core schema", async () => {
    const xml = await exportText(ctx.world, request("xliff20"));
    expectValid(xml, XLIFF20_XSD);
    expect(xml).toContain(CITATION);
    const root = parser.parse(xml).xliff;
    expect([root["@srcLang"], root["@trgLang"], root["@prl:targets"]]).toEqual(["uk", "en", "en kk"]);
    expect(root.file[0].unit).toHaveLength(ctx.world.segments.length);
  });

  it("puts state and subState on the segment, the second target in prl:target", async () => {
    const root = parser.parse(await exportText(ctx.world, request("xliff20"))).xliff;
    const unit = (position: number) => root.file[0].unit.find((u: Node) => u["@id"] === String(position));
    const cited = unit(ctx.fx.cited.position);
    expect(cited["@type"]).toBe("prl:paragraph");
    expect(cited["@prl:updatedBy"]).toBe("Olena Owner");
    expect([cited.segment["@state"], cited.segment["@subState"]]).toEqual(["final", "prl:approved"]);
    expect(text(cited.segment.source)).toBe(ctx.fx.cited.source);
    expect(text(cited.segment.target)).toBe(EN_CITED);
    const kk = cited["prl:target"][0];
    expect([kk["@xml:lang"], kk["@state"], kk["@subState"], text(kk)]).toEqual([
      "kk",
      "translated",
      "prl:translated",
      KK_CITED,
    ]);
    const plain = unit(ctx.fx.first.position);
    expect(text(plain.segment.target)).toBe(EN_TRICKY);
    expect([plain.segment["@state"], plain.segment["@subState"]]).toEqual(["initial", "prl:draft"]);
    expect(plain["prl:target"][0]["@subState"]).toBe("prl:rejected");
    expect(unit(ctx.fx.listItem.position).segment["@state"]).toBe("reviewed");
    expect(unit(ctx.fx.listItem.position)["@type"]).toBe("prl:list_item");
  });

  it("writes notes in <notes> with category and prl: fields, replies pointing at their thread", async () => {
    const root = parser.parse(await exportText(ctx.world, request("xliff20"))).xliff;
    const cited = root.file[0].unit.find((u: Node) => u["@id"] === String(ctx.fx.cited.position));
    const [whole, thread, reply] = cited.notes.note;
    expect(text(whole)).toBe("Check the citation «52».");
    expect(whole["@prl:lang"]).toBeUndefined();
    expect(thread).toMatchObject({
      "@id": "n2",
      "@category": "fluency/punctuation",
      "@appliesTo": "target",
      "@prl:lang": "en",
      "@prl:author": "A reviewer",
      "@prl:severity": "minor",
      "@prl:resolved": "no",
      "@prl:anchorStart": "4",
      "@prl:anchorText": "«",
    });
    expect(reply).toMatchObject({ "@id": "n2-r1", "@prl:replyTo": "n2", "@prl:author": "Olena Owner" });
    expect(text(reply)).toBe("Agreed & fixed.");
  });

  it("exports kk-Latn as the target language", async () => {
    const xml = await exportText(ctx.world, request("xliff20", { targets: ["kk-Latn"], approvedOnly: true }));
    expectValid(xml, XLIFF20_XSD);
    const root = parser.parse(xml).xliff;
    expect(root["@trgLang"]).toBe("kk-Latn");
    const item = root.file[0].unit.find((u: Node) => u["@id"] === String(ctx.fx.listItem.position));
    expect(text(item.segment.target)).toBe("Ūlttyq memlekettık");
    const cited = root.file[0].unit.find((u: Node) => u["@id"] === String(ctx.fx.cited.position));
    expect(cited.segment.target).toBeUndefined();
  });
});
