// Revisions are written by database triggers (migration 20261128100000_revision_trigger, on SQLite
// and PostgreSQL), not by the code: every change of a translation's version must leave exactly one
// revision, whatever wrote it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { triggersOn } from "../../tests/schema-objects";
import { createSmallDocument } from "../../tests/small-document";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "./client";
import { pendingModelChanges } from "./migrate";

let database: TestDatabase;
let db: Db;
let ids: { documentId: string; segmentIds: string[]; userId: string };

beforeAll(async () => {
  database = await testDatabase();
  db = openDb(database.url);
  ids = await createSmallDocument(db, 3);
});
afterAll(async () => {
  await db.$disconnect();
  await database.cleanup();
});

// Translation has other triggers too (projects_documents drops a source-changed mark on confirm).
const revisionTriggers = async () =>
  (await triggersOn(db, "Translation")).filter((name) => name.startsWith("Translation_revision"));
const revisionsOf = (translationId: string) =>
  db.revision.findMany({ where: { translationId }, orderBy: { version: "asc" } });

describe("the revision triggers", () => {
  it("are in a migrated database", async () => {
    expect(await revisionTriggers()).toEqual([
      "Translation_revision_after_insert",
      "Translation_revision_after_update",
    ]);
  });

  it("write one revision per new version, copying text, status, author and time", async () => {
    const at = new Date("2026-11-28T10:00:00.000Z");
    const translation = await db.translation.create({
      data: { segmentId: ids.segmentIds[0], documentId: ids.documentId, lang: "en" },
    });
    // A new, empty row (version 0) has no history yet.
    expect(await revisionsOf(translation.id)).toEqual([]);
    await db.translation.update({
      where: { id: translation.id },
      data: { text: "Paragraph", status: "draft", version: 1, updatedById: ids.userId, updatedAt: at },
    });
    // Changes that keep the version (none are made by the app) are not versions.
    await db.translation.update({ where: { id: translation.id }, data: { updatedAt: new Date() } });
    const revisions = await revisionsOf(translation.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      version: 1,
      text: "Paragraph",
      status: "draft",
      authorId: ids.userId,
      createdAt: at,
    });
  });

  it("give a row created at a saved version (an import) its revision", async () => {
    const translation = await db.translation.create({
      data: {
        segmentId: ids.segmentIds[1],
        documentId: ids.documentId,
        lang: "en",
        text: "Imported",
        status: "translated",
        version: 1,
        updatedById: ids.userId,
      },
    });
    expect((await revisionsOf(translation.id)).map((r) => [r.version, r.text, r.status])).toEqual([
      [1, "Imported", "translated"],
    ]);
  });

  it("are not dropped or doubled by the next migration the models produce", async () => {
    // The models as they are: nothing to migrate, so no script that could touch the triggers.
    expect(await pendingModelChanges(database.target)).toBeNull();
    expect(await revisionTriggers()).toHaveLength(2);
  });
});
