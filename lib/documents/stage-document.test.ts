// A new document written a slice at a time (stage-document.ts) is all or nothing to everyone else:
// invisible while it is being written, whole once it appears, and gone without a trace when writing
// fails, or when the server stopped in the middle (the next start discards it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { requireDocument } from "../auth/access";
import { documentRows } from "./create-document";
import { discardUnfinishedDocuments, SLICE, STAGING_MARK, writeDocumentInSlices } from "./stage-document";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 60_000);
afterAll(() => world.cleanup());

const paragraphs = SLICE + 500;
const rowsOf = () =>
  documentRows({
    projectId: world.project.id,
    title: "Sliced",
    segments: Array.from({ length: paragraphs }, (_, i) => ({
      kind: "paragraph",
      source: `Абзац ${i + 1}.`,
      wordCount: 2,
    })),
    targetLangs: ["en", "kk"],
  });

describe("a document written a slice at a time", () => {
  it("is seen by nobody until it is whole", async () => {
    const rows = rowsOf();
    let seenMeanwhile: unknown[] = ["not checked"];
    await writeDocumentInSlices(world.db, rows, [
      async (tx) => {
        // Every paragraph is written by now, and still the project does not show the document.
        expect(await tx.segment.count({ where: { documentId: rows.document.id } })).toBe(paragraphs);
        seenMeanwhile = await tx.document.findMany({ where: { projectId: world.project.id, id: rows.document.id } });
      },
    ]);
    expect(seenMeanwhile).toEqual([]);
    const { document } = await requireDocument(world.db, world.actor("owner"), rows.document.id, "project.read");
    expect(document.projectId).toBe(world.project.id);
    expect(await world.db.segment.count({ where: { documentId: rows.document.id } })).toBe(paragraphs);
    expect(await world.db.translation.count({ where: { documentId: rows.document.id } })).toBe(2 * paragraphs);
    expect(await world.db.appSetting.count({ where: { key: { startsWith: STAGING_MARK } } })).toBe(0);
    expect(await world.db.project.count()).toBe(1);
  });

  it("leaves nothing behind when a write fails", async () => {
    const rows = rowsOf();
    await expect(
      writeDocumentInSlices(world.db, rows, [
        async () => {
          throw new Error("the disk is full");
        },
      ]),
    ).rejects.toThrow("the disk is full");
    expect(await world.db.document.count({ where: { id: rows.document.id } })).toBe(0);
    expect(await world.db.segment.count({ where: { documentId: rows.document.id } })).toBe(0);
    expect(await world.db.translation.count({ where: { documentId: rows.document.id } })).toBe(0);
    expect(await world.db.project.count()).toBe(1);
  });

  it("is discarded on the next start when the server stopped in the middle", async () => {
    const rows = rowsOf();
    // What a server stopped after the first slice leaves: the hidden project, its mark, the document.
    const hidden = await world.db.project.create({ data: { name: "(import in progress)" } });
    await world.db.appSetting.create({ data: { key: STAGING_MARK + hidden.id, value: world.project.id } });
    await world.db.document.create({ data: { ...rows.document, projectId: hidden.id } });
    await world.db.segment.create({ data: { documentId: rows.document.id, position: 1, source: "Абзац 1." } });
    expect(await discardUnfinishedDocuments(world.db)).toBe(1);
    expect(await world.db.document.count({ where: { id: rows.document.id } })).toBe(0);
    expect(await world.db.segment.count({ where: { documentId: rows.document.id } })).toBe(0);
    expect(await world.db.project.count()).toBe(1);
    expect(await world.db.appSetting.count({ where: { key: { startsWith: STAGING_MARK } } })).toBe(0);
  });
});
