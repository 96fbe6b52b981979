// Migrating a PostgreSQL database on start (migrate.ts, migrate-postgres.ts), as SQLite's tests do
// for a file: the history brings an empty database to what schemaPush makes of the models, runs
// once, moves an older database forward keeping its data, leaves the database as it was when a
// migration fails (and tries it again on the next start), refuses a database newer than the code,
// says clearly when the server cannot be reached, and lets two instances start at once.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { memoryTextIndex, postgresShape, withoutMemoryTextIndex } from "../../tests/schema-shape";
import { copyPrismaDir, type TestDatabase, testDatabase } from "../../tests/temp-db";
import { DatabaseSetupError } from "./errors";
import { migrateDatabase, migrationStatus, pushSchema } from "./migrate";

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.cleanup();
});

async function empty() {
  const database = await testDatabase({ provider: "postgres", empty: true });
  opened.push(database);
  return database;
}

async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A private copy of prisma/postgres a test may add migrations to. */
function withCopy(database: TestDatabase) {
  return { ...database.target, prismaDir: copyPrismaDir(database.dir, "postgres") };
}

function addMigration(prismaDir: string, name: string, script: string) {
  const dir = path.join(prismaDir, "migrations", name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "migration.sql"), script);
}

const tables = async (url: string) =>
  (
    await sql<{ name: string }>(
      url,
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
  ).map((r) => r.name);

describe("migrations on PostgreSQL", () => {
  it("applied to an empty database produce the same schema as schemaPush, once", async () => {
    const migrated = await empty();
    const pushed = await empty();
    const { applied } = await migrateDatabase(migrated.target);
    await pushSchema(pushed.target);
    expect(applied.length).toBeGreaterThan(5);
    // The triggers and the memory's text index are the history's own (Prisma does not model them).
    const withoutTriggers = async (url: string) =>
      Object.fromEntries(
        Object.entries(withoutMemoryTextIndex(await postgresShape(url, memoryTextIndex))).map(([t, s]) => [
          t,
          { ...s, triggers: [] },
        ]),
      );
    expect(await withoutTriggers(migrated.url)).toEqual(await withoutTriggers(pushed.url));
    expect((await migrationStatus(migrated.target)).every((m) => m.applied)).toBe(true);
    expect((await migrateDatabase(migrated.target)).applied).toEqual([]);
  });

  it("moves a database left by an older version forward, keeping its data", async () => {
    const database = await empty();
    const target = withCopy(database);
    await migrateDatabase(target);
    await sql(database.url, `INSERT INTO "AppSetting" ("key", "value", "updatedAt") VALUES ('kept', 'yes', now())`);
    addMigration(target.prismaDir, "29990101000000_later", 'CREATE TABLE "Later" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect((await migrateDatabase(target)).applied).toEqual(["29990101000000_later"]);
    expect(await tables(database.url)).toContain("Later");
    expect(await sql(database.url, `SELECT "value" FROM "AppSetting" WHERE "key" = 'kept'`)).toEqual([
      { value: "yes" },
    ]);
  });

  it("leaves the database as it was when a migration fails, and tries it again on the next start", async () => {
    const database = await empty();
    const target = withCopy(database);
    await migrateDatabase(target);
    const before = await postgresShape(database.url);
    addMigration(
      target.prismaDir,
      "29990101000000_broken",
      'CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );
    const error = await migrateDatabase(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseSetupError);
    expect((error as DatabaseSetupError).code).toBe("migration_failed");
    expect((error as Error).message).toContain("29990101000000_broken");
    expect((error as Error).message).toMatch(/NoSuchTable/);
    expect(await tables(database.url)).not.toContain("HalfDone");
    expect(await postgresShape(database.url)).toEqual(before);
    expect((await migrationStatus(target)).find((m) => m.name === "29990101000000_broken")?.applied).toBe(false);

    // Mended, it is applied on the next start (the failed attempt does not block it).
    writeFileSync(
      path.join(target.prismaDir, "migrations", "29990101000000_broken", "migration.sql"),
      'CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\n',
    );
    expect((await migrateDatabase(target)).applied).toEqual(["29990101000000_broken"]);
    expect(await tables(database.url)).toContain("HalfDone");
  });

  it("refuses a database migrated by newer code", async () => {
    const database = await empty();
    await migrateDatabase(database.target);
    await sql(
      database.url,
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'y', '29990101000000_from_the_future', now(), now(), 1)",
    );
    const error = await migrateDatabase(database.target).catch((e: unknown) => e);
    expect((error as DatabaseSetupError).code).toBe("newer_than_code");
    expect((error as Error).message).toContain("29990101000000_from_the_future");
  });

  it("says clearly when the server cannot be reached, without the password", async () => {
    const url = "postgresql://parallel:s3cret@127.0.0.1:1/parallel";
    const error = await migrateDatabase({ ...(await empty()).target, url }).catch((e: unknown) => e);
    expect((error as DatabaseSetupError).code).toBe("unreachable");
    expect((error as Error).message).toContain("127.0.0.1:1");
    expect((error as Error).message).not.toContain("s3cret");
  });

  it("lets two instances start at once: one migrates, the other finds nothing to do", async () => {
    const database = await empty();
    const results = await Promise.all([migrateDatabase(database.target), migrateDatabase(database.target)]);
    const counts = results.map((r) => r.applied.length).sort((a, b) => a - b);
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(5);
    const rows = await sql<{ n: string }>(database.url, "SELECT COUNT(*) AS n FROM _prisma_migrations");
    expect(Number(rows[0].n)).toBe(counts[1]);
  });
});
