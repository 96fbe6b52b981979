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
import { TMX_DTD, xmllint } from "../../../tests/standards/xmllint";

const ctx = exportFixture();

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["tu", "tuv", "prop", "note"].includes(name),
});

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is checked field by field.
type Node = any;
const props = (node: Node) => Object.fromEntries((node.prop ?? []).map((p: Node) => [p["@type"], p["#text"] ?? ""]));
const tuAt = (doc: Node, position: number) => doc.tmx.body.tu.find((tu: Node) => tu["@tuid"] === String(position));
const tuvOf = (tu: Node, lang: string) => tu.tuv.find((tuv: Node) => tuv["@xml:lang"] === lang);

describe("TMX export", () => {
  it("is valid against the TMX 1.4 DTD, with uk, en and kk in one file", async () => {
    const xml = await exportText(ctx.world, request("tmx"));
    const lint = xmllint(xml, { dtd: TMX_DTD });
    expect(lint.output).toBe("");
    expect(lint.valid).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.tmx.header["@srclang"]).toBe("uk");
    expect(doc.tmx.header["@segtype"]).toBe("paragraph");
    expect(props(doc.tmx.header)).toEqual({ "x-title": ctx.world.document.title, "x-targets": "en kk" });
    expect(doc.tmx.body.tu).toHaveLength(ctx.world.segments.length);
    const tu = tuAt(doc, ctx.fx.cited.position);
    expect(tu["@segtype"]).toBe("paragraph");
    expect(tu.tuv.map((t: Node) => t["@xml:lang"])).toEqual(["uk", "en", "kk"]);
  });

  it("carries text byte for byte, status, author and dates as x- props", async () => {
    const xml = await exportText(ctx.world, request("tmx"));
    expect(xml).toContain(CITATION);
    const doc = parser.parse(xml);
    const tu = tuAt(doc, ctx.fx.cited.position);
    expect(tuvOf(tu, "uk").seg).toBe(ctx.fx.cited.source);
    const en = tuvOf(tu, "en");
    expect(en.seg).toBe(EN_CITED);
    expect(tuvOf(tu, "kk").seg).toBe(KK_CITED);
    const p = props(en);
    expect(p["x-status"]).toBe("approved");
    expect(p["x-updated-by"]).toBe("Olena Owner");
    expect(p["x-updated-at"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(en["@changeid"]).toBe("Olena Owner");
    expect(en["@changedate"]).toMatch(/^\d{8}T\d{6}Z$/);
    const first = tuAt(doc, ctx.fx.first.position);
    expect(tuvOf(first, "en").seg).toBe(EN_TRICKY);
    expect(props(tuvOf(first, "en"))["x-status"]).toBe("draft");
    expect(props(tuvOf(first, "kk"))["x-status"]).toBe("rejected");
    expect(props(tuAt(doc, ctx.fx.listItem.position))["x-kind"]).toBe("list_item");
  });

  it("writes notes as <note>, each described by the x-note prop before it", async () => {
    const doc = parser.parse(await exportText(ctx.world, request("tmx")));
    const tu = tuAt(doc, ctx.fx.cited.position);
    expect(tu.note).toEqual(["Check the citation «52»."]);
    expect(JSON.parse(props(tu)["x-note"])).toMatchObject({ author: "Olena Owner", resolved: false, anchor: null });
    const en = tuvOf(tu, "en");
    expect(en.note).toEqual(['Use "round table" — not "roundtable".', "Agreed & fixed."]);
    const metas = en.prop.filter((p: Node) => p["@type"] === "x-note").map((p: Node) => JSON.parse(p["#text"]));
    expect(metas[0]).toEqual({
      author: "A reviewer",
      createdAt: "2026-11-10T09:02:00.123Z",
      resolved: false,
      category: "fluency/punctuation",
      severity: "minor",
      anchor: { side: "target", start: 4, end: 5, text: "«" },
    });
    expect(metas[1]).toEqual({
      replyTo: 1,
      author: "Olena Owner",
      createdAt: "2026-11-10T09:03:00.123Z",
      resolved: false,
    });
    const kk = tuvOf(tuAt(doc, ctx.fx.listItem.position), "kk");
    expect(JSON.parse(props(kk)["x-note"])).toMatchObject({ resolved: true, severity: "major" });
    const imported = tuvOf(tuAt(doc, ctx.fx.first.position), "kk");
    expect(JSON.parse(props(imported)["x-note"])).toMatchObject({
      author: "Imported Person",
      anchor: { side: "source" },
    });
  });

  it("leaves out never-touched targets, and with approvedOnly every unit without an approved one", async () => {
    const all = parser.parse(await exportText(ctx.world, request("tmx")));
    const untouched = all.tmx.body.tu.find((tu: Node) => tu.tuv.length === 1);
    expect(untouched.tuv[0]["@xml:lang"]).toBe("uk");

    const approved = parser.parse(await exportText(ctx.world, request("tmx", { approvedOnly: true })));
    expect(approved.tmx.body.tu.map((tu: Node) => Number(tu["@tuid"])).sort()).toEqual(
      [ctx.fx.cited.position, ctx.fx.listItem.position].sort(),
    );
    const cited = tuAt(approved, ctx.fx.cited.position);
    expect(cited.tuv.map((t: Node) => t["@xml:lang"])).toEqual(["uk", "en"]);
  });

  it("leaves notes out when asked", async () => {
    const xml = await exportText(ctx.world, request("tmx", { includeNotes: false }));
    expect(xml).not.toContain("<note>");
    expect(xml).not.toContain("x-note");
    expect(xmllint(xml, { dtd: TMX_DTD }).valid).toBe(true);
  });

  it("exports Kazakh in Latin script as kk-Latn", async () => {
    const xml = await exportText(ctx.world, request("tmx", { targets: ["kk-Latn"] }));
    expect(xmllint(xml, { dtd: TMX_DTD }).valid).toBe(true);
    const doc = parser.parse(xml);
    const first = tuvOf(tuAt(doc, ctx.fx.first.position), "kk-Latn");
    expect(first.seg).toBe("Qazaqstan Respublikasy");
    const item = tuvOf(tuAt(doc, ctx.fx.listItem.position), "kk-Latn");
    expect(item.seg).toBe("Ūlttyq memlekettık");
    // The note's anchor follows the text into Latin script.
    expect(JSON.parse(props(item)["x-note"]).anchor).toEqual({
      side: "target",
      start: 7,
      end: 18,
      text: "memlekettık",
    });
  });
});
