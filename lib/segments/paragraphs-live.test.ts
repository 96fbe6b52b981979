// Split, merge, their undo and a source edit tell the others with the document open (document.changed,
// change "paragraphs") which rows to read again, after the change committed; the paragraph read
// (readParagraph) gives each row as the editor shows it. Real SQLite file, real live log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { createDocument } from "../documents/create-document";
import { updateSource } from "../documents/update-source/update-source";
import { AppError } from "../errors";
import { saveTranslation } from "../translations/save";
import { restoreFromBin } from "./bin-restore";
import { editSource } from "./edit-source";
import { mergeWithNext } from "./merge";
import { parseLinesText } from "./parse-text";
import { readParagraph, readParagraphs } from "./read-paragraph";
import { splitSegment } from "./split";
import { undoEvent } from "./undo";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const owner = () => world.actor("owner");

async function newDocument(lines: string[]) {
  const id = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Live paragraphs",
    segments: parseLinesText(lines.join("\n")),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
  return { id, segments };
}

/** The document's "paragraphs" events, oldest first, as the stream would send their data. */
async function paragraphEvents(documentId: string) {
  const rows = await world.db.liveEvent.findMany({
    where: { documentId, type: "document.changed" },
    orderBy: { id: "asc" },
  });
  return rows.map((e) => ({ actorId: e.actorId, ...JSON.parse(e.data) }));
}

describe("live paragraphs", () => {
  it("a split names both parts, a merge the row that went, each undo the reverse, with the structure version", async () => {
    const { id, segments } = await newDocument(["Перше речення. Друге речення.", "Наступний абзац."]);
    const [a, b] = segments;
    const split = await splitSegment(world.db, owner(), a.id, { offset: 14 });
    expect(split.structureVersion).toBe(1);
    let events = await paragraphEvents(id);
    expect(events).toEqual([
      {
        actorId: world.users.owner.id,
        change: "paragraphs",
        lang: null,
        reason: "split",
        segmentIds: [a.id, split.newSegmentId],
        paragraphs: { segmentId: a.id, inserted: split.newSegmentId, structureVersion: 1 },
      },
    ]);

    const splitEvent = await world.db.documentEvent.findFirstOrThrow({
      where: { documentId: id, kind: "segment.split" },
    });
    const undone = await undoEvent(world.db, owner(), splitEvent.id);
    expect(undone).toMatchObject({ segmentId: a.id, removed: split.newSegmentId, structureVersion: 2 });
    events = await paragraphEvents(id);
    expect(events[1]).toMatchObject({
      reason: "undo",
      paragraphs: { segmentId: a.id, removed: split.newSegmentId, structureVersion: 2 },
    });

    const merged = await mergeWithNext(world.db, owner(), a.id);
    expect(merged.structureVersion).toBe(3);
    events = await paragraphEvents(id);
    expect(events[2]).toMatchObject({
      reason: "merge",
      segmentIds: [a.id, b.id],
      paragraphs: { segmentId: a.id, removed: b.id, structureVersion: 3 },
    });
    const mergeEvent = await world.db.documentEvent.findFirstOrThrow({
      where: { documentId: id, kind: "segment.merge" },
    });
    await undoEvent(world.db, owner(), mergeEvent.id);
    expect((await paragraphEvents(id))[3]).toMatchObject({
      reason: "undo",
      paragraphs: { segmentId: a.id, inserted: b.id, structureVersion: 4 },
    });
  });

  it("a refused split publishes nothing", async () => {
    const { id, segments } = await newDocument(["Один абзац.", "Другий."]);
    await expect(splitSegment(world.db, owner(), segments[0].id, { offset: 0 })).rejects.toBeInstanceOf(AppError);
    await expect(mergeWithNext(world.db, owner(), segments[1].id)).rejects.toBeInstanceOf(AppError);
    expect(await paragraphEvents(id)).toEqual([]);
  });

  it("a source edit names its paragraph; the structure version stays", async () => {
    const { id, segments } = await newDocument(["Стара назва.", "Другий."]);
    await editSource(world.db, owner(), segments[0].id, { source: "Нова назва.", baseVersion: 0 });
    expect(await paragraphEvents(id)).toMatchObject([
      { reason: "source-edit", paragraphs: { segmentId: segments[0].id, structureVersion: 0 } },
    ]);
  });

  it("reads a paragraph as the editor shows it: source version, translations and their source-changed mark", async () => {
    const { segments } = await newDocument(["Перше речення. Друге речення.", "Наступний абзац."]);
    const [a] = segments;
    await saveTranslation(world.db, owner(), {
      segmentId: a.id,
      lang: "en",
      text: "First sentence. Second sentence.",
      status: "translated",
      baseVersion: 0,
    });
    const split = await splitSegment(world.db, owner(), a.id, { offset: 14 });
    const first = await readParagraph(world.db, owner(), a.id);
    expect(first).toMatchObject({
      structureVersion: 1,
      segment: { id: a.id, position: 1, source: "Перше речення.", version: 1, kind: "paragraph" },
    });
    expect(first.segment.translations.en).toEqual({
      text: "First sentence. Second sentence.",
      status: "draft",
      version: 2,
      sourceChangedFrom: "Перше речення. Друге речення.",
    });
    // Kazakh was never written: an empty new translation, nothing marked.
    expect(first.segment.translations.kk).toMatchObject({ text: "", status: "new", sourceChangedFrom: null });
    const second = await readParagraph(world.db, owner(), split.newSegmentId);
    expect(second.segment).toMatchObject({ position: 2, source: "Друге речення.", version: 0 });
    expect(second.segment.translations.en).toMatchObject({ text: "", status: "new", sourceChangedFrom: null });
    // A paragraph merged away is in the document's bin: not there for a read.
    await mergeWithNext(world.db, owner(), a.id);
    await expect(readParagraph(world.db, owner(), split.newSegmentId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a source update names the rows to read again and the rows gone; a restore names its row; both read at once", async () => {
    const { id, segments } = await newDocument([
      "Перший.",
      "Другий абзац довгого тексту про державну службу.",
      "Третій.",
      "Четвертий.",
    ]);
    const [a, b, c, d] = segments;
    await saveTranslation(world.db, owner(), {
      segmentId: b.id,
      lang: "en",
      text: "The second paragraph of text.",
      status: "translated",
      baseVersion: 0,
    });
    const text = ["Перший.", "Новий абзац.", "Другий абзац довгого тексту про публічну службу.", "Четвертий."].join(
      "\n",
    );
    const counts = await updateSource(
      world.db,
      owner(),
      id,
      { fileName: "new.txt", bytes: new TextEncoder().encode(text) },
      { dryRun: false },
    );
    expect(counts).toEqual({ kept: 2, changed: 1, added: 1, removed: 1 });
    const [update] = await paragraphEvents(id);
    expect(update).toMatchObject({
      reason: "source-update",
      paragraphChanges: { removed: [c.id], structureVersion: 1 },
    });
    const added = await world.db.segment.findFirstOrThrow({ where: { documentId: id, position: 2 } });
    expect(update.paragraphChanges.read).toEqual([added.id, b.id]);
    expect(update.segmentIds).toEqual([added.id, b.id, c.id]);
    expect(update.paragraphs).toBeUndefined();

    const read = await readParagraphs(world.db, owner(), id, { ids: [b.id, added.id, c.id] });
    // In position order; the row gone to the bin is left out.
    expect(read.structureVersion).toBe(1);
    expect(read.paragraphs.map((p) => [p.id, p.position, p.source])).toEqual([
      [added.id, 2, "Новий абзац."],
      [b.id, 3, "Другий абзац довгого тексту про публічну службу."],
    ]);
    expect(read.paragraphs[1].translations.en).toMatchObject({
      text: "The second paragraph of text.",
      status: "draft",
      sourceChangedFrom: "Другий абзац довгого тексту про державну службу.",
    });

    await restoreFromBin(world.db, owner(), c.id);
    const restore = (await paragraphEvents(id))[1];
    expect(restore).toMatchObject({
      reason: "restore",
      segmentIds: [c.id],
      paragraphChanges: { read: [c.id], removed: [], structureVersion: 2 },
    });
    const back = await readParagraphs(world.db, owner(), id, { ids: [c.id, a.id, d.id] });
    expect(back.paragraphs.map((p) => p.id)).toEqual([a.id, c.id, d.id]);
    await expect(readParagraphs(world.db, owner(), id, { ids: [] })).rejects.toMatchObject({ code: "invalid_input" });
    const many = Array.from({ length: 101 }, (_, i) => `x${i}`);
    await expect(readParagraphs(world.db, owner(), id, { ids: many })).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "ids", reason: "too_many_ids" },
    });
  });
});
