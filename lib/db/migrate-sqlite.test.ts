import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { copyPrismaDir, sqliteTarget, tempDir } from "../../tests/temp-db";
import { DatabaseSetupError } from "./errors";
import { migrateDatabase, migrationStatus, pushSchema } from "./migrate";
import { EXTERNAL_TABLES } from "./migrations-dir";

let cleanup = () => {};
afterEach(() => cleanup());

/**
 * The schema as SQLite understands it (columns, keys, indexes), independent of column order: a
 * column added by a later migration sits at the end of its table, where schemaPush puts it inline.
 * Tables made by raw SQL (EXTERNAL_TABLES, which schemaPush does not know) have their own tests.
 */
function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !EXTERNAL_TABLES.includes(name));
  const byName = <T extends { name?: string; id?: number }>(rows: T[]) =>
    [...rows].sort((a, b) => String(a.name ?? a.id).localeCompare(String(b.name ?? b.id)));
  const schema = names.map((table) => ({
    table,
    columns: byName(db.pragma(`table_info("${table}")`) as { name: string; cid?: number }[]).map(
      ({ cid: _cid, ...c }) => c,
    ),
    foreignKeys: (db.pragma(`foreign_key_list("${table}")`) as { id?: number; seq?: number; from: string }[])
      .map(({ id: _id, seq: _seq, ...fk }) => fk)
      .sort((a, b) => a.from.localeCompare(b.from)),
    indexes: byName(db.pragma(`index_list("${table}")`) as { name: string; seq?: number }[]).map(
      ({ seq: _seq, ...ix }) => ({
        ...ix,
        columns: (db.pragma(`index_info("${ix.name}")`) as { name: string }[]).map((c) => c.name),
      }),
    ),
  }));
  db.close();
  return schema;
}

function tables(file: string) {
  const db = new Database(file, { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  db.close();
  return names;
}

describe("migrations", () => {
  it("applied to an empty file produce the same schema as schemaPush", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const migrated = sqliteTarget(tmp.dir, "migrated.db");
    const pushed = sqliteTarget(tmp.dir, "pushed.db");
    const { applied } = await migrateDatabase(migrated);
    await pushSchema(pushed);
    expect(applied.length).toBeGreaterThan(0);
    expect(schemaOf(migrated.url).length).toBeGreaterThan(5);
    expect(schemaOf(migrated.url)).toEqual(schemaOf(pushed.url));
    expect((await migrationStatus(migrated)).every((m) => m.applied)).toBe(true);
  });

  it("is a no-op the second time and uses WAL", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const target = sqliteTarget(tmp.dir);
    await migrateDatabase(target);
    expect((await migrateDatabase(target)).applied).toEqual([]);
    const db = new Database(target.url, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("moves a database left by an older version forward, keeping its data", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const prismaDir = copyPrismaDir(tmp.dir);
    const target = { ...sqliteTarget(tmp.dir), prismaDir };
    await migrateDatabase(target);
    const db = new Database(target.url);
    db.prepare("INSERT INTO AppSetting (key, value, updatedAt) VALUES ('kept', 'yes', '2026-01-01')").run();
    db.close();

    const later = path.join(prismaDir, "migrations", "29990101000000_later");
    mkdirSync(later);
    writeFileSync(path.join(later, "migration.sql"), 'CREATE TABLE "Later" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect((await migrateDatabase(target)).applied).toEqual(["29990101000000_later"]);
    expect(tables(target.url)).toContain("Later");
    const check = new Database(target.url, { readonly: true });
    expect(check.prepare("SELECT value FROM AppSetting WHERE key='kept'").get()).toEqual({ value: "yes" });
    check.close();
  });

  it("leaves the database as it was when a migration fails, naming the migration", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const prismaDir = copyPrismaDir(tmp.dir);
    const target = { ...sqliteTarget(tmp.dir), prismaDir };
    await migrateDatabase(target);
    const before = schemaOf(target.url);

    const broken = path.join(prismaDir, "migrations", "29990101000000_broken");
    mkdirSync(broken);
    writeFileSync(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );
    const error = await migrateDatabase(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseSetupError);
    expect((error as DatabaseSetupError).code).toBe("migration_failed");
    expect((error as Error).message).toContain("29990101000000_broken");
    expect((error as Error).message).toMatch(/NoSuchTable/);
    expect(tables(target.url)).not.toContain("HalfDone");
    expect(schemaOf(target.url)).toEqual(before);
    const status = await migrationStatus(target);
    expect(status.find((m) => m.name === "29990101000000_broken")?.applied).toBe(false);
  });

  it("refuses a database migrated by newer code", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const target = sqliteTarget(tmp.dir);
    await migrateDatabase(target);
    const db = new Database(target.url);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'y', '29990101000000_from_the_future', 0, 1, 1)",
    ).run();
    db.close();
    const error = await migrateDatabase(target).catch((e: unknown) => e);
    expect((error as DatabaseSetupError).code).toBe("newer_than_code");
    expect((error as Error).message).toContain("29990101000000_from_the_future");
  });

  it("says clearly when the file cannot be written", async () => {
    const error = await migrateDatabase({ ...sqliteTarget("/dev/null"), url: "/dev/null/sub/x.db" }).catch(
      (e: unknown) => e,
    );
    expect((error as DatabaseSetupError).code).toBe("not_writable");
    expect((error as Error).message).toContain("/dev/null/sub/x.db");
  });
});
