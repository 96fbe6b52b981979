// The two migration histories stay in step (issue 17): every SQLite migration has a PostgreSQL twin
// of the same name, each history brings a fresh database exactly to the models (the engine finds
// nothing to migrate), and the two databases they make have the same tables, columns, keys, indexes
// and triggers. `npm run db:migration -- <name>` writes both twins; this fails when one is missing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryTextIndex, postgresShape, sqliteShape, withoutMemoryTextIndex } from "../../tests/schema-shape";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { pendingModelChanges } from "./migrate";
import { missingTwins } from "./migration-twins";
import { readMigrationList } from "./migrations-dir";

const sqliteDir = path.resolve("prisma", "sqlite");
const postgresDir = path.resolve("prisma", "postgres");

let sqlite: TestDatabase;
let postgres: TestDatabase;

beforeAll(async () => {
  sqlite = await testDatabase({ provider: "sqlite" });
  postgres = await testDatabase({ provider: "postgres" });
});
afterAll(async () => {
  await sqlite?.cleanup();
  await postgres?.cleanup();
});

const names = async (dir: string) => (await readMigrationList(dir)).migrationDirectories.map((d) => d.path);

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same migrations, by name, in the same order", async () => {
    expect(await missingTwins(sqliteDir, postgresDir)).toEqual([]);
    expect(await names(postgresDir)).toEqual(await names(sqliteDir));
  });

  it("each bring a fresh database to the models, with nothing left to migrate", async () => {
    expect(await pendingModelChanges(sqlite.target)).toBeNull();
    expect(await pendingModelChanges(postgres.target)).toBeNull();
  });

  it("make the same tables, columns, keys, indexes and triggers", async () => {
    const fromSqlite = withoutMemoryTextIndex(sqliteShape(sqlite.target.url, memoryTextIndex));
    const fromPostgres = withoutMemoryTextIndex(await postgresShape(postgres.url, memoryTextIndex));
    expect(Object.keys(fromSqlite).length).toBeGreaterThan(10);
    expect(fromPostgres).toEqual(fromSqlite);
  });
});
