// Revisions are written by database triggers (migration 20261128100000_revision_trigger), not by the
// code: every change of a translation's version must leave exactly one revision, whatever wrote it.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPrismaDir, sqliteTarget, tempDir } from "../../tests/temp-db";
import { type Db, openDb } from "./client";
import { createMigration, migrateDatabase } from "./migrate";

const tmp = tempDir();
const target = sqliteTarget(tmp.dir);
let db: Db;
let ids: { documentId: string; segmentIds: string[]; userId: string };

beforeAll(async () => {
  await migrateDatabase(target);
  db = openDb(`file:${target.url}`);
  const user = await db.user.create({ data: { name: "Author", email: "author@example.com" } });
  const project = await db.project.create({ data: { name: "P", sourceLang: "uk", createdById: user.id } });
  const document = await db.document.create({
    data: {
      projectId: project.id,
      title: "D",
      sourceLang: "uk",
      createdById: user.id,
      segments: { create: [0, 1, 2].map((position) => ({ position, kind: "paragraph", source: `Абзац ${position}` })) },
    },
    include: { segments: { orderBy: { position: "asc" } } },
  });
  ids = { documentId: document.id, segmentIds: document.segments.map((s) => s.id), userId: user.id };
});
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

const revisionsOf = (translationId: string) =>
  db.revision.findMany({ where: { translationId }, orderBy: { version: "asc" } });

describe("the revision triggers", () => {
  it("are in a migrated database", () => {
    const raw = new Database(target.url, { readonly: true });
    const names = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Translation_revision%' ORDER BY name",
      )
      .pluck()
      .all();
    raw.close();
    expect(names).toEqual(["Translation_revision_after_insert", "Translation_revision_after_update"]);
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
    const dir = tempDir();
    try {
      const copy = { ...sqliteTarget(dir.dir), prismaDir: copyPrismaDir(dir.dir) };
      // The models as they are: nothing to migrate, so no script that would touch the triggers.
      expect(await createMigration("nothing", copy)).toBeNull();
      const raw = new Database(copy.url, { readonly: true });
      const count = raw
        .prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Translation_revision%'")
        .pluck()
        .get();
      raw.close();
      expect(count).toBe(2);
    } finally {
      dir.cleanup();
    }
  });
});
