// A new version of a document's source, and edits of one source paragraph, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../../tests/world";
import { createNote } from "../../notes/notes";
import { editSource } from "../../segments/edit-source";
import { parseLinesText } from "../../segments/parse-text";
import { saveTranslation } from "../../translations/save";
import { createDocument } from "../create-document";
import { latestFile } from "../original-file";
import { updateSource, updateSourceOf } from "./update-source";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const owner = () => world.actor("owner");
const OLD = [
  "Реформа державної служби почалася у 1999 році.",
  "Закон визначив нові правила добору кадрів.",
  "Цей абзац у новій версії прибрано.",
  "Висновки наведено наприкінці.",
];

async function translatedDocument() {
  const id = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Оновлення",
    segments: parseLinesText(OLD.join("\n")),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
  for (const [i, s] of segments.entries()) {
    await saveTranslation(world.db, owner(), {
      segmentId: s.id,
      lang: "en",
      text: `English ${i + 1}.`,
      status: "approved",
      baseVersion: 0,
    });
  }
  return { id, segments };
}

const file = (lines: string[]) => ({ fileName: "v2.txt", bytes: new Uint8Array(Buffer.from(lines.join("\n"))) });
const NEW = [OLD[0], "Закон визначив нові правила добору і просування кадрів.", "Додано абзац про етику.", OLD[3]];

describe("updating the source", () => {
  it("previews the counts without writing, then applies them in one go", async () => {
    const { id, segments } = await translatedDocument();
    const note = await createNote(world.db, owner(), segments[2].id, { body: "Про прибраний абзац" });
    const preview = await updateSource(world.db, owner(), id, file(NEW), { dryRun: true });
    expect(preview).toEqual({ kept: 2, changed: 1, added: 1, removed: 1 });
    expect(await world.db.segment.count({ where: { documentId: id } })).toBe(4);
    expect(await world.db.documentEvent.count({ where: { documentId: id } })).toBe(0);

    expect(await updateSource(world.db, owner(), id, file(NEW), { dryRun: false })).toEqual(preview);
    const after = await world.db.segment.findMany({
      where: { documentId: id },
      orderBy: { position: "asc" },
      include: { translations: { where: { lang: "en" }, include: { sourceChange: true } } },
    });
    expect(after.map((s) => [s.position, s.source, s.translations[0]?.text, s.translations[0]?.status])).toEqual([
      [1, NEW[0], "English 1.", "approved"],
      [2, NEW[1], "English 2.", "draft"],
      [3, NEW[2], "", "new"],
      [4, NEW[3], "English 4.", "approved"],
    ]);
    expect(after[0].id).toBe(segments[0].id);
    expect(after[1].id).toBe(segments[1].id);
    expect(after[1].translations[0].sourceChange?.oldSource).toBe(OLD[1]);
    // The removed paragraph is in the document's bin with its translation and its note.
    const removed = await world.db.segment.findUniqueOrThrow({
      where: { id: segments[2].id },
      include: { translations: true, trashed: true },
    });
    expect(removed.trashed).toMatchObject({ documentId: id, position: 3, reason: "source_update" });
    expect(removed.translations.find((t) => t.lang === "en")?.text).toBe("English 3.");
    expect((await world.db.note.findUniqueOrThrow({ where: { id: note.id } })).segmentId).toBe(segments[2].id);
    // One event of the document, and the new file kept.
    const events = await world.db.documentEvent.findMany({ where: { documentId: id } });
    expect(events.map((e) => [e.kind, JSON.parse(e.data).changed])).toEqual([["source.update", 1]]);
    expect(Buffer.from((await latestFile(world.db, id))?.bytes ?? []).toString()).toBe(NEW.join("\n"));
    // The changed paragraph's source history: as imported, then the update.
    const history = await world.db.sourceRevision.findMany({
      where: { segmentId: segments[1].id },
      orderBy: { version: "asc" },
    });
    expect(history.map((h) => h.kind)).toEqual(["import", "update"]);
  });

  it("writes nothing when the document's paragraphs changed after the plan was read", async () => {
    const { id } = await translatedDocument();
    const document = await world.db.document.findUniqueOrThrow({ where: { id } });
    await updateSource(world.db, owner(), id, file(NEW), { dryRun: false });
    await expect(
      updateSourceOf(world.db, document, ["en", "kk"], file([...NEW, "Ще один."]), { dryRun: false, actorId: null }),
    ).rejects.toMatchObject({ code: "conflict", details: { reason: "structure_changed" } });
    expect(await world.db.segment.count({ where: { documentId: id } })).toBe(4);
  });

  it("refuses an empty file or an unknown format, and other roles", async () => {
    const { id } = await translatedDocument();
    await expect(updateSource(world.db, owner(), id, file([""]), { dryRun: true })).rejects.toMatchObject({
      details: { reason: "empty" },
    });
    await expect(
      updateSource(world.db, owner(), id, { fileName: "x.pdf", bytes: new Uint8Array([1, 2]) }, { dryRun: true }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      updateSource(world.db, world.actor("translator"), id, file(NEW), { dryRun: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("editing a source paragraph", () => {
  it("marks its translations, refuses a stale version with the text as it is now, and drops the mark when confirmed", async () => {
    const { segments } = await translatedDocument();
    const seg = segments[0];
    const saved = await editSource(world.db, owner(), seg.id, {
      source: "Реформа почалася у 1999 році.",
      baseVersion: 0,
    });
    expect(saved.version).toBe(1);
    await expect(editSource(world.db, owner(), seg.id, { source: "Інше.", baseVersion: 0 })).rejects.toMatchObject({
      code: "conflict",
      details: { current: { text: "Реформа почалася у 1999 році.", version: 1, updatedBy: { name: "Olena Owner" } } },
    });
    const marked = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: seg.id, lang: "en" } },
      include: { sourceChange: true },
    });
    expect([marked.status, marked.sourceChange?.oldSource]).toEqual(["draft", OLD[0]]);
    await saveTranslation(world.db, owner(), {
      segmentId: seg.id,
      lang: "en",
      text: marked.text,
      status: "translated",
      baseVersion: marked.version,
    });
    expect(await world.db.sourceChange.count({ where: { translationId: marked.id } })).toBe(0);
  });

  it("refuses an empty text, a line break and a translator when the project does not allow it", async () => {
    const { segments } = await translatedDocument();
    for (const [source, reason] of [
      ["   ", "source_empty"],
      ["Два\nрядки", "source_line_break"],
    ] as const) {
      await expect(editSource(world.db, owner(), segments[1].id, { source, baseVersion: 0 })).rejects.toMatchObject({
        details: { reason },
      });
    }
    await expect(
      editSource(world.db, world.actor("translator"), segments[1].id, { source: "Новий.", baseVersion: 0 }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await world.db.segment.findUniqueOrThrow({ where: { id: segments[1].id } })).source).toBe(OLD[1]);
  });
});
