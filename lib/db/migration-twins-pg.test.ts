// `npm run db:twins` on a SQLite migration that landed after newer twins were written (a branch's
// migration, rebased under main's newer ones): its twin holds that migration's change only, in its
// place in the history, and the history with it still brings PostgreSQL exactly to the models.
// Before, the diff ran against the whole PostgreSQL history and the twin undid the newer ones.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPrismaDir, type TestDatabase, testDatabase, testPgUrl } from "../../tests/temp-db";
import { pendingModelChanges } from "./migrate";
import { missingTwins, writeMissingTwins } from "./migration-twins";
import { readMigrationList } from "./migrations-dir";

// Older than the newest twins, and all Prisma's own statements (no trigger to write by hand).
const OLDER = "20261201100727_review_inbox";

let scratch: TestDatabase;
let sqliteDir: string;
let postgresDir: string;

beforeAll(async () => {
  scratch = await testDatabase({ provider: "sqlite", empty: true });
  sqliteDir = copyPrismaDir(scratch.dir, "sqlite");
  postgresDir = copyPrismaDir(scratch.dir, "postgres");
  rmSync(path.join(postgresDir, "migrations", OLDER), { recursive: true });
});
afterAll(async () => {
  await scratch?.cleanup();
});

describe("the PostgreSQL twin of a migration older than the newest twin", () => {
  it("carries that migration's change only, and the history still matches the models", async () => {
    const names = (await readMigrationList(postgresDir)).migrationDirectories.map((d) => d.path);
    expect(names.at(-1)! > OLDER).toBe(true);
    expect(await missingTwins(sqliteDir, postgresDir)).toEqual([OLDER]);

    const twins = await writeMissingTwins({
      sqliteDir,
      postgresDir,
      pgUrl: await testPgUrl(),
      scratchFile: path.join(scratch.dir, "twins.db"),
    });
    expect(twins).toEqual([{ name: OLDER, handWritten: [] }]);
    const script = readFileSync(path.join(postgresDir, "migrations", OLDER, "migration.sql"), "utf8");
    expect(script).toMatch(/ALTER TABLE "Note" ADD COLUMN\s+"addressedToId" TEXT,\s*ADD COLUMN\s+"decision" TEXT/);
    expect(script).toContain('CREATE TABLE "NoteRead"');
    // Nothing of the newer twins (live events, token rate…) dropped or made again.
    expect(script).not.toMatch(/\bDROP\b/);
    expect(script).not.toContain("LiveEvent");
    expect(await missingTwins(sqliteDir, postgresDir)).toEqual([]);

    const postgres = await testDatabase({ provider: "postgres", empty: true });
    try {
      expect(await pendingModelChanges({ ...postgres.target, prismaDir: postgresDir })).toBeNull();
    } finally {
      await postgres.cleanup();
    }
  });
});
