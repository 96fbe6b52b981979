// TMX import (a reference memory, streamed, one transaction, duplicates once) and export (streamed,
// valid against the TMX 1.4 DTD, read back the same).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FIRST_EN, type MemoryTestDb, memoryTestDb } from "../../tests/fixtures/memory-world";
import { TMX_DTD, xmllint } from "../../tests/standards/xmllint";
import type { AppError } from "../errors";
import { listProjectMemories, projectMemoryIds, workingMemory } from "./memories";
import { textHash } from "./normalize";
import { exportMemoryTmx } from "./tmx-export";
import { importTmx, parseTmxDate } from "./tmx-import";

let t: MemoryTestDb;
beforeAll(async () => {
  t = await memoryTestDb();
});
afterAll(() => t.cleanup());

const encoder = new TextEncoder();
/** The bytes in chunks of `size`, as a file or an upload arrives. */
const chunked =
  (data: Uint8Array | string, size = 64) =>
  () =>
    (async function* () {
      const bytes = typeof data === "string" ? encoder.encode(data) : data;
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })();

const tmx = (
  body: string,
  header = '<header srclang="uk" creationtool="Other" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtoolversion="1"/>',
) => `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${header}\n<body>\n${body}\n</body>\n</tmx>\n`;
const tu = (uk: string, targets: Record<string, string>, attrs = "") =>
  `<tu${attrs}><tuv xml:lang="uk"><seg>${uk}</seg></tuv>${Object.entries(targets)
    .map(([lang, text]) => `<tuv xml:lang="${lang}"><seg>${text}</seg></tuv>`)
    .join("")}</tu>`;

async function collect(stream: AsyncGenerator<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}

const counts = async () => ({ memories: await t.db.memory.count(), units: await t.db.memoryUnit.count() });

async function refused(data: Uint8Array | string): Promise<AppError> {
  const before = await counts();
  const error = await importTmx(t.db, chunked(data), { projectId: t.project.id, createdById: t.user.id }).then(
    () => expect.unreachable("expected a refusal"),
    (e: AppError) => e,
  );
  expect(await counts()).toEqual(before);
  expect(error.code).toBe("invalid_input");
  return error;
}

describe("importTmx", () => {
  it("imports another tool's TMX as a reference memory of the project", async () => {
    const file = tmx(
      [
        tu(
          "Агентство у справах державної служби.",
          { "en-US": "The Civil Service Agency." },
          ' changeid="Anna" changedate="20240102T030405Z"',
        ),
        // Inline codes are not text; wrapping ones read through.
        `<tu><tuv xml:lang="uk-UA"><seg>Розділ <bpt i="1">&lt;b&gt;</bpt><hi>перший</hi><ept i="1">&lt;/b&gt;</ept><ph>{1}</ph>.</seg></tuv><tuv xml:lang="kk"><seg>Бірінші бөлім.</seg></tuv></tu>`,
        // The same source again (another spacing): written once.
        tu("Агентство  у справах державної служби.", { en: "The Agency for Civil Service Affairs." }),
        // An empty target is no pair.
        tu("Порожній переклад.", { en: "" }),
      ].join("\n"),
    );
    const result = await importTmx(t.db, chunked(file, 7), {
      projectId: t.project.id,
      name: "Glossary TM",
      createdById: t.user.id,
    });
    expect(result).toMatchObject({ name: "Glossary TM", translationUnits: 4, written: 2, duplicates: 1, skipped: 1 });
    expect(result.targetLangs.sort()).toEqual(["en", "kk"]);
    const units = await t.db.memoryUnit.findMany({ where: { memoryId: result.memoryId }, orderBy: { id: "asc" } });
    expect(units.map((u) => [u.targetLang, u.source, u.target, u.kind, u.status, u.authorName, u.authorId])).toEqual([
      [
        "en",
        "Агентство у справах державної служби.",
        "The Civil Service Agency.",
        "sentence",
        "translated",
        "Anna",
        null,
      ],
      ["kk", "Розділ перший.", "Бірінші бөлім.", "sentence", "translated", null, null],
    ]);
    expect(units[0].updatedAt.toISOString()).toBe("2024-01-02T03:04:05.000Z");
    expect(units[0].sourceHash).toBe(textHash("Агентство у справах державної служби."));
    // Attached to the project, read only.
    const listed = await listProjectMemories(t.db, t.project.id);
    expect(listed.find((m) => m.id === result.memoryId)).toMatchObject({ kind: "imported", units: 2, readOnly: true });
    expect(await projectMemoryIds(t.db, t.project.id)).toContain(result.memoryId);
  });

  it("reads UTF-16 with a byte order mark, and *all* as the source language", async () => {
    const file = tmx(tu("Текст у UTF-16.", { en: "Text in UTF-16." }), '<header srclang="*all*"/>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, "utf16le")]);
    const result = await importTmx(t.db, chunked(utf16, 33), { projectId: t.project.id, createdById: null });
    expect(result).toMatchObject({ written: 1, name: "TMX import" });
  });

  it("writes a repeat in a later batch once too", async () => {
    const body = Array.from({ length: 1300 }, (_, i) =>
      tu(`Речення номер ${i % 650}.`, { en: `Sentence ${i % 650}.` }),
    );
    const result = await importTmx(t.db, chunked(tmx(body.join("\n")), 4096), {
      projectId: t.project.id,
      createdById: null,
    });
    expect(result).toMatchObject({ translationUnits: 1300, written: 650, duplicates: 650 });
  });

  it("refuses malformed XML, with its line", async () => {
    const error = await refused(
      tmx(`${tu("Перший.", { en: "First." })}\n<tu><tuv xml:lang="uk"><seg>Другий</tuv></tu>`),
    );
    expect(error.details).toMatchObject({ reason: "xml_malformed", line: 6 });
    expect((await refused("<notmx/>")).details).toMatchObject({ reason: "xml_malformed" });
    expect((await refused(tmx(tu("&undefined;", { en: "x" })))).details).toMatchObject({ reason: "xml_malformed" });
  });

  it("refuses entities and DOCTYPE declarations before expanding anything", async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n<!ENTITY lol1 "&lol;&lol;&lol;&lol;">\n]>\n${tmx(tu("&lol1;", { en: "x" })).replace(/^<\?xml[^>]*>\n/, "")}`;
    expect((await refused(laughs)).details).toMatchObject({ reason: "xml_dtd", line: 3 });
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><header srclang="uk"/><body>${tu("&e;", { en: "x" })}</body></tmx>`;
    const error = await refused(xxe);
    expect(error.details).toMatchObject({ reason: "xml_dtd", line: 2 });
    expect(error.message).not.toMatch(/root:/);
    // An ENTITY split across two chunks is still found.
    expect(
      (await refused(laughs.replace("<!DOCTYPE tmx [", "<!DOCTYPE tmx").replace("]>", ">"))).details,
    ).toMatchObject({
      reason: "xml_dtd",
    });
  });

  it("refuses a file whose languages are not the project's, naming them", async () => {
    const german = await refused(tmx(tu("Текст.", { de: "Text." })));
    expect(german.details).toMatchObject({
      reason: "languages",
      value: "de",
      expectedSource: "uk",
      expectedTargets: ["en", "kk"],
    });
    expect(german.message).toContain("de is not a target language of the project (en, kk)");
    const english = await refused(
      tmx(tu("Text.", { en: "Text." }), '<header srclang="en-GB"/>')
        .replace(/xml:lang="uk"/g, 'xml:lang="en-GB"')
        .replace('xml:lang="en"', 'xml:lang="uk"'),
    );
    expect(english.details).toMatchObject({ reason: "languages", value: "en-GB" });
  });

  it("refuses text a translation may not hold, and a file with nothing to import", async () => {
    const long = tmx(`${tu("Текст.", { en: "Text." })}${tu("Текст.", { en: "x".repeat(20_001) })}`);
    expect((await refused(long)).details).toMatchObject({ reason: "unit_too_long", unit: 2, lang: "en" });
    expect((await refused(tmx(tu("Текст.", { en: "a&#x85;b" })))).details).toMatchObject({
      reason: "unit_control_characters",
    });
    expect((await refused("")).details).toMatchObject({ reason: "empty" });
    expect((await refused(tmx(tu("Текст.", { en: " " })))).details).toMatchObject({ reason: "tmx_no_units" });
    expect((await refused(Buffer.from([0xc3, 0x28, 0x3c]))).details).toMatchObject({ reason: "not_text" });
  });
});

describe("exportMemoryTmx", () => {
  it("writes valid TMX 1.4 that imports back to the same units", async () => {
    await t.confirm(t.segments[0].id, "en", DEMO_FIRST_EN.join(" "), "approved");
    const working = await workingMemory(t.db, t.project.id);
    const xml = await collect((await exportMemoryTmx(t.db, working.id))!);
    const lint = xmllint(xml, { dtd: TMX_DTD });
    expect(lint.output).toBe("");
    expect(lint.valid).toBe(true);
    expect(xml).toContain('<prop type="x-status">approved</prop>');

    const other = await t.addProject("Receiver", ["Щось."]);
    const result = await importTmx(t.db, chunked(xml, 1000), { projectId: other.project.id, createdById: null });
    const fields = (u: {
      kind: string;
      source: string;
      target: string;
      status: string;
      prevHash: string | null;
      nextHash: string | null;
      targetLang: string;
    }) => [u.kind, u.targetLang, u.source, u.target, u.status, u.prevHash, u.nextHash];
    const original = await t.db.memoryUnit.findMany({ where: { memoryId: working.id }, orderBy: { id: "asc" } });
    const copied = await t.db.memoryUnit.findMany({ where: { memoryId: result.memoryId }, orderBy: { id: "asc" } });
    expect(copied.map(fields)).toEqual(original.map(fields));
    expect(copied.map((u) => u.authorName)).toEqual(original.map(() => "Taras Translator"));
    expect(copied[0].updatedAt.getTime()).toBe(Math.floor(original[0].updatedAt.getTime() / 1000) * 1000);
  });

  it("is null for a memory that does not exist", async () => {
    expect(await exportMemoryTmx(t.db, "no-such-memory")).toBeNull();
  });
});

describe("parseTmxDate", () => {
  it("reads TMX dates and nothing else", () => {
    expect(parseTmxDate("20261201T083000Z")?.toISOString()).toBe("2026-12-01T08:30:00.000Z");
    expect(parseTmxDate("2026-12-01")).toBeNull();
    expect(parseTmxDate(null)).toBeNull();
  });
});
