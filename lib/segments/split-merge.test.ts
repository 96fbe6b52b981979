// Splitting and merging paragraphs, and undoing both, on a real database: positions stay 1…n,
// translations, statuses, notes and history go where a translator expects, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { createDocument } from "../documents/create-document";
import { createNote } from "../notes/notes";
import { saveTranslation } from "../translations/save";
import { mergeWithNext } from "./merge";
import { parseLinesText } from "./parse-text";
import { splitSegment } from "./split";
import { undoEvent } from "./undo";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

async function newDocument(lines: string[]) {
  const id = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Split and merge",
    segments: parseLinesText(lines.join("\n")),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
  return { id, segments };
}

const owner = () => world.actor("owner");
const paragraphs = (documentId: string) =>
  world.db.segment.findMany({
    where: { documentId },
    orderBy: { position: "asc" },
    include: { translations: { orderBy: { lang: "asc" }, include: { sourceChange: true } } },
  });
const en = (s: Awaited<ReturnType<typeof paragraphs>>[number]) => s.translations.find((t) => t.lang === "en");
const lastEvent = (documentId: string) =>
  world.db.documentEvent.findFirstOrThrow({ where: { documentId }, orderBy: { createdAt: "desc" } });

async function translate(segmentId: string, text: string, status = "translated") {
  await saveTranslation(world.db, owner(), { segmentId, lang: "en", text, status, baseVersion: 0 });
}

describe("split", () => {
  it("cuts at the caret; the whole translation stays with the first part, marked source changed; undo puts it back", async () => {
    const { id, segments } = await newDocument(["Перше речення. Друге речення.", "Наступний абзац."]);
    const [a] = segments;
    await translate(a.id, "First sentence. Second sentence.", "approved");
    const note = await createNote(world.db, owner(), a.id, {
      body: "About the second sentence",
      anchor: { side: "source", start: 15, end: 29 },
    });
    await splitSegment(world.db, owner(), a.id, { offset: 14 });

    const after = await paragraphs(id);
    expect(after.map((s) => [s.position, s.source])).toEqual([
      [1, "Перше речення."],
      [2, "Друге речення."],
      [3, "Наступний абзац."],
    ]);
    expect(en(after[0])).toMatchObject({ text: "First sentence. Second sentence.", status: "draft", version: 2 });
    expect(en(after[0])?.sourceChange?.oldSource).toBe("Перше речення. Друге речення.");
    expect(en(after[1])).toMatchObject({ text: "", status: "new", version: 0 });
    const moved = await world.db.note.findUniqueOrThrow({ where: { id: note.id } });
    expect([moved.segmentId, moved.anchorStart, moved.anchorEnd]).toEqual([after[1].id, 0, 14]);
    // The source's history: as imported, then the split.
    const history = await world.db.sourceRevision.findMany({ where: { segmentId: a.id }, orderBy: { version: "asc" } });
    expect(history.map((r) => [r.version, r.kind, r.source])).toEqual([
      [0, "import", "Перше речення. Друге речення."],
      [1, "split", "Перше речення."],
    ]);

    await undoEvent(world.db, owner(), (await lastEvent(id)).id);
    const back = await paragraphs(id);
    expect(back.map((s) => [s.position, s.source])).toEqual([
      [1, "Перше речення. Друге речення."],
      [2, "Наступний абзац."],
    ]);
    expect(en(back[0])).toMatchObject({ text: "First sentence. Second sentence.", status: "approved", version: 3 });
    expect(en(back[0])?.sourceChange).toBeNull();
    const restored = await world.db.note.findUniqueOrThrow({ where: { id: note.id } });
    expect([restored.segmentId, restored.anchorStart, restored.anchorEnd]).toEqual([a.id, 15, 29]);
    // Every version of the translation is in its history, the database trigger's work.
    const revisions = await world.db.revision.findMany({
      where: { translationId: en(back[0])?.id },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => [r.version, r.status])).toEqual([
      [1, "approved"],
      [2, "draft"],
      [3, "approved"],
    ]);
  });

  it("cuts each translation where asked, keeping its status on both parts", async () => {
    const { id, segments } = await newDocument(["Один. Два."]);
    await translate(segments[0].id, "One. Two.");
    await splitSegment(world.db, owner(), segments[0].id, { offset: 5, targetOffsets: { en: 4 } });
    const after = await paragraphs(id);
    expect(after.map((s) => [s.source, en(s)?.text, en(s)?.status, en(s)?.sourceChange])).toEqual([
      ["Один.", "One.", "translated", null],
      ["Два.", "Two.", "translated", null],
    ]);
  });

  it("refuses a cut outside the text or inside a character, and a language the project has not", async () => {
    const { id, segments } = await newDocument(["Емодзі 😀 тут."]);
    const seg = segments[0];
    const inside = seg.source.indexOf("😀") + 1;
    for (const [body, reason] of [
      [{ offset: 0 }, "split_outside"],
      [{ offset: seg.source.length }, "split_outside"],
      [{ offset: 99 }, "split_outside"],
      [{ offset: -1 }, "split_outside"],
      [{ offset: 1.5 }, "split_outside"],
      [{ offset: inside }, "split_inside_character"],
      [{ offset: 3, targetOffsets: { en: 5 } }, "split_outside"],
    ] as const) {
      await expect(splitSegment(world.db, owner(), seg.id, body), JSON.stringify(body)).rejects.toMatchObject({
        code: "invalid_input",
        details: { reason },
      });
    }
    await expect(
      splitSegment(world.db, owner(), seg.id, { offset: 3, targetOffsets: { de: 0 } }),
    ).rejects.toMatchObject({
      details: { reason: "not_a_target" },
    });
    expect((await paragraphs(id)).map((s) => s.source)).toEqual(["Емодзі 😀 тут."]);
  });
});

describe("merge", () => {
  it("joins with one space, takes the lower status, moves notes, and undo brings the second paragraph back whole", async () => {
    const { id, segments } = await newDocument(["Перший.", "Другий.", "Третій."]);
    const [a, b] = segments;
    await translate(a.id, "First.", "approved");
    await translate(b.id, "Second.", "translated");
    const note = await createNote(world.db, owner(), b.id, {
      body: "On the second",
      lang: "en",
      anchor: { side: "target", start: 0, end: 6 },
    });
    await mergeWithNext(world.db, owner(), a.id);
    const after = await paragraphs(id);
    expect(after.map((s) => [s.position, s.source, en(s)?.text, en(s)?.status])).toEqual([
      [1, "Перший. Другий.", "First. Second.", "translated"],
      [2, "Третій.", "", "new"],
    ]);
    const moved = await world.db.note.findUniqueOrThrow({ where: { id: note.id } });
    expect([moved.segmentId, moved.anchorStart, moved.anchorEnd]).toEqual([a.id, 7, 13]);
    // The second paragraph is in the document's bin, not gone.
    expect(await world.db.trashedSegment.findUnique({ where: { segmentId: b.id } })).toMatchObject({
      reason: "merge",
      position: 2,
    });

    await undoEvent(world.db, owner(), (await lastEvent(id)).id);
    const back = await paragraphs(id);
    expect(back.map((s) => [s.id, s.position, s.source, en(s)?.text, en(s)?.status])).toEqual([
      [a.id, 1, "Перший.", "First.", "approved"],
      [b.id, 2, "Другий.", "Second.", "translated"],
      [segments[2].id, 3, "Третій.", "", "new"],
    ]);
    const restored = await world.db.note.findUniqueOrThrow({ where: { id: note.id } });
    expect([restored.segmentId, restored.documentId, restored.anchorStart]).toEqual([b.id, id, 0]);
    expect(await world.db.revision.count({ where: { translationId: en(back[1])?.id } })).toBe(1);
    // An undone event cannot be undone twice.
    const merge = await world.db.documentEvent.findFirstOrThrow({ where: { documentId: id, kind: "segment.merge" } });
    await expect(undoEvent(world.db, owner(), merge.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses to merge the last paragraph, and changes nothing", async () => {
    const { id, segments } = await newDocument(["Єдиний.", "Останній."]);
    await expect(mergeWithNext(world.db, owner(), segments[1].id)).rejects.toMatchObject({
      code: "invalid_input",
      details: { reason: "merge_last" },
    });
    expect((await paragraphs(id)).map((s) => s.source)).toEqual(["Єдиний.", "Останній."]);
  });

  it("an undo keeps translation work done after the merge", async () => {
    const { id, segments } = await newDocument(["Альфа.", "Бета."]);
    await mergeWithNext(world.db, owner(), segments[0].id);
    await translate(segments[0].id, "Alpha. Beta.", "draft");
    await undoEvent(world.db, owner(), (await lastEvent(id)).id);
    const back = await paragraphs(id);
    expect(back.map((s) => s.source)).toEqual(["Альфа.", "Бета."]);
    expect(en(back[0])).toMatchObject({ text: "Alpha. Beta.", status: "draft" });
    expect(en(back[0])?.sourceChange?.oldSource).toBe("Альфа. Бета.");
  });
});

describe("who may split and merge", () => {
  it("owners; translators only when the project allows it; never in an archived project", async () => {
    const { segments } = await newDocument(["Раз. Два.", "Три."]);
    await expect(
      splitSegment(world.db, world.actor("translator"), segments[0].id, { offset: 4 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await world.db.project.update({ where: { id: world.project.id }, data: { translatorsMayEditSource: true } });
    await splitSegment(world.db, world.actor("translator"), segments[0].id, { offset: 4 });
    await expect(mergeWithNext(world.db, world.actor("reviewer"), segments[0].id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await world.db.project.update({
      where: { id: world.project.id },
      data: { archivedAt: new Date(), translatorsMayEditSource: false },
    });
    await expect(mergeWithNext(world.db, owner(), segments[0].id)).rejects.toMatchObject({ code: "read_only" });
    await world.db.project.update({ where: { id: world.project.id }, data: { archivedAt: null } });
  });
});
