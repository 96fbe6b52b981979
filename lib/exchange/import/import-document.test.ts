// Importing into the database: source files as new documents, and bilingual files updating a
// document's translations (matched by position and source text).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode1251, sampleDocx, utf16 } from "../../../tests/fixtures/import-files";
import { exportBytes, rowCounts } from "../../../tests/fixtures/import-world";
import { createWorld, type World } from "../../../tests/world";
import { importDocument } from "./import-document";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 60_000);
afterAll(() => world.cleanup());

const encoder = new TextEncoder();

function importNew(fileName: string, bytes: Uint8Array, title?: string) {
  return importDocument(world.db, {
    projectId: world.project.id,
    fileName,
    bytes,
    mode: "new",
    title,
    userId: world.users.owner.id,
  });
}

async function segmentsOf(documentId: string) {
  return world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
}

describe("a source file becomes a new document", () => {
  it.each([
    ["notes.txt", encoder.encode("Перший абзац — «тест».\n- пункт\n"), "utf-8"],
    ["utf16le.txt", utf16("Перший абзац — «тест».\n- пункт\n", "le"), "utf-16le"],
    ["utf16be.txt", utf16("Перший абзац — «тест».\n- пункт\n", "be"), "utf-16be"],
    ["cp1251.txt", encode1251("Перший абзац — «тест».\r\n- пункт\r\n"), "windows-1251"],
  ])("%s", async (fileName, bytes) => {
    const report = await importNew(fileName, bytes);
    expect(report).toMatchObject({
      created: true,
      format: "txt",
      segments: 2,
      translations: 0,
      notes: 0,
      mismatches: [],
    });
    const document = await world.db.document.findUniqueOrThrow({ where: { id: report.documentId } });
    expect(document).toMatchObject({
      title: fileName.replace(/\.txt$/, ""),
      fileName,
      projectId: world.project.id,
      createdById: world.users.owner.id,
    });
    const segments = await segmentsOf(report.documentId);
    expect(segments.map((s) => [s.position, s.kind, s.source, s.wordCount])).toEqual([
      [1, "paragraph", "Перший абзац — «тест».", 3],
      [2, "list_item", "пункт", 1],
    ]);
    // Every segment gets its empty translation per project language, as a typed-in document does.
    expect(
      await world.db.translation.count({ where: { documentId: report.documentId, status: "new", version: 0 } }),
    ).toBe(4);
  });

  it("markdown and Word, with the given title", async () => {
    const md = await importNew("text.md", encoder.encode("# Заголовок\n\nАбзац.\n\n- пункт\n"), "Моя назва");
    expect((await world.db.document.findUniqueOrThrow({ where: { id: md.documentId } })).title).toBe("Моя назва");
    expect((await segmentsOf(md.documentId)).map((s) => s.kind)).toEqual(["heading", "paragraph", "list_item"]);
    const docx = await importNew("report.docx", await sampleDocx());
    expect(docx).toMatchObject({ format: "docx", segments: 5 });
    expect((await segmentsOf(docx.documentId)).map((s) => s.kind)).toEqual([
      "heading",
      "paragraph",
      "list_item",
      "list_item",
      "paragraph",
    ]);
  });
});

describe("a bilingual file updates a document", () => {
  let tmx: string;

  beforeAll(async () => {
    const [first, second, third] = world.segments;
    for (const [segment, text, status] of [
      [first, "Civil service reform", "translated"],
      [second, "Second paragraph", "draft"],
      [third, "Third paragraph", "approved"],
    ] as const) {
      await world.db.translation.update({
        where: { segmentId_lang: { segmentId: segment.id, lang: "en" } },
        data: { text, status, version: 1 },
      });
    }
    tmx = new TextDecoder().decode((await exportBytes(world.db, world.document.id, "tmx")).bytes);
  });

  function update(text: string, extra: { allowedStatuses?: ("new" | "draft" | "translated")[] } = {}) {
    return importDocument(world.db, {
      projectId: world.project.id,
      fileName: "edited.tmx",
      bytes: encoder.encode(text),
      mode: "update",
      documentId: world.document.id,
      userId: world.users.translator.id,
      ...extra,
    });
  }

  it("changes nothing when the file is what is saved", async () => {
    const before = await rowCounts(world.db);
    const report = await update(tmx);
    expect(report).toMatchObject({ created: false, segments: 11, translations: 0, notes: 0, mismatches: [] });
    expect(await rowCounts(world.db)).toEqual(before);
  });

  it("applies changed translations as new versions and reports a paragraph whose source differs", async () => {
    const [first, second, third] = world.segments;
    const changedSource = `${third.source} (змінено)`;
    const escapeXml = (t: string) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    const edited = tmx
      .replace("<seg>Civil service reform</seg>", "<seg>Reform of the civil service</seg>")
      .replace("<seg>Third paragraph</seg>", "<seg>Third paragraph, edited</seg>")
      .replace(/(<prop type="x-status">)draft(<\/prop>[\s\S]*?<seg>Second paragraph<\/seg>)/, "$1translated$2")
      .replace(`<seg>${escapeXml(third.source)}</seg>`, `<seg>${escapeXml(changedSource)}</seg>`);
    expect(edited).toContain(escapeXml(changedSource));
    const revisions = await world.db.revision.count();
    const report = await update(edited);
    expect(report.mismatches).toEqual([{ position: 3, expected: third.source, found: changedSource }]);
    expect(report).toMatchObject({ segments: 10, translations: 2 });
    const en = (segmentId: string) =>
      world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } });
    expect(await en(first.id)).toMatchObject({ text: "Reform of the civil service", status: "translated", version: 2 });
    expect(await en(second.id)).toMatchObject({ text: "Second paragraph", status: "translated", version: 2 });
    // The paragraph whose source differs is left as it was.
    expect(await en(third.id)).toMatchObject({ text: "Third paragraph", status: "approved", version: 1 });
    expect(await world.db.revision.count()).toBe(revisions + 2);
    const revision = await world.db.revision.findFirstOrThrow({
      where: { translation: { segmentId: first.id, lang: "en" } },
      orderBy: { version: "desc" },
    });
    expect(revision).toMatchObject({
      version: 2,
      text: "Reform of the civil service",
      authorId: world.users.translator.id,
    });
  });

  it("gives a changed text the status a save would when the role may not set the file's, and says so", async () => {
    const approving = tmx.replace(
      /(<prop type="x-status">)translated(<\/prop>[\s\S]*?<seg>)Civil service reform(<\/seg>)/,
      "$1approved$2Approved by a translator$3",
    );
    const report = await update(approving, { allowedStatuses: ["draft", "translated"] });
    // Paragraph 2 goes back to the file's draft as well (the test before made it translated).
    expect(report).toMatchObject({
      translations: 2,
      downgraded: [{ position: 1, lang: "en", requested: "approved", status: "draft" }],
    });
    const en = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: world.segments[0].id, lang: "en" } },
    });
    expect(en).toMatchObject({
      text: "Approved by a translator",
      status: "draft",
      updatedById: world.users.translator.id,
    });
  });
});
