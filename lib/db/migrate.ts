// Brings a database to the schema in prisma/<provider>/migrations, the way `prisma migrate deploy`
// would, and creates new migrations from the models (`prisma migrate dev --create-only` + apply).
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { DatabaseSetupError } from "./errors";
import { readMigrationList, readSchemaFiles, schemaFilters } from "./migrations-dir";
import { openSchemaEngine } from "./schema-engine";
import { type DatabaseTarget, databaseTarget } from "./url";

export { DatabaseSetupError };

// SQLite's "busy" reaches us as its own message, or as the driver adapter's SocketTimeout kind.
const isBusy = (text: string) => /database is locked|SQLITE_BUSY|SocketTimeout/i.test(text);
const busy = (file: string) =>
  new DatabaseSetupError(
    "busy",
    `The database ${file} is busy: another program (another Parallel server?) is writing to it. Stop it, then start again.`,
  );

function sqliteFactory(file: string) {
  return new PrismaBetterSqlite3({ url: `file:${file}` });
}

/** Opens (creating if needed) the SQLite file, proves it is writable and switches it to WAL. */
function prepareSqliteFile(file: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
      db.exec(
        "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS _parallel_write_check (x); DROP TABLE _parallel_write_check; COMMIT;",
      );
    } finally {
      db.close();
    }
  } catch (error) {
    if (isBusy(String((error as Error).message))) throw busy(file);
    throw new DatabaseSetupError(
      "not_writable",
      `The database file ${file} is not writable (${(error as Error).message}). Check the folder's permissions or set DATABASE_URL to a writable path.`,
    );
  }
}

interface AppliedRow {
  migration_name: string;
  finished_at: string | null;
  rolled_back_at: string | null;
  logs: string | null;
}

function hasMigrationsTable(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get());
  } finally {
    db.close();
  }
}

function appliedMigrations(file: string): AppliedRow[] {
  if (!hasMigrationsTable(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT migration_name, finished_at, rolled_back_at, logs FROM _prisma_migrations")
      .all() as AppliedRow[];
  } finally {
    db.close();
  }
}

export interface MigrateResult {
  applied: string[];
}

/** Applies pending migrations. On failure the database is restored to what it was before. */
export async function migrateDatabase(target: DatabaseTarget = databaseTarget()): Promise<MigrateResult> {
  if (target.provider !== "sqlite") {
    throw new DatabaseSetupError(
      "unsupported",
      "PostgreSQL is not supported by this version of Parallel (see README, Configure): set DATABASE_URL to a file: path.",
    );
  }
  const file = target.url;
  prepareSqliteFile(file);
  const migrationsList = await readMigrationList(target.prismaDir);
  const known = new Set(migrationsList.migrationDirectories.map((d) => d.path));
  const rows = appliedMigrations(file);
  const applied = rows.filter((row) => row.finished_at && !row.rolled_back_at);
  const unknown = applied.map((row) => row.migration_name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new DatabaseSetupError(
      "newer_than_code",
      `The database ${file} was migrated by a newer version of Parallel (migration ${unknown.join(", ")} is not in this code). Update the code, or point DATABASE_URL at another database.`,
    );
  }
  const pending = [...known].filter((name) => !applied.some((row) => row.migration_name === name));
  // With nothing pending, the engine still runs once to create _prisma_migrations (createMigration needs it).
  if (pending.length === 0 && hasMigrationsTable(file)) return { applied: [] };

  // SQLite cannot roll back a half-applied migration history on its own: keep a copy to restore.
  const backup = `${file}.before-migrate`;
  rmSync(backup, { force: true });
  const db = new Database(file);
  db.prepare("VACUUM INTO ?").run(backup);
  db.close();

  const handle = await openSchemaEngine(sqliteFactory(file), await readSchemaFiles(target.prismaDir));
  try {
    const out = await handle.engine.applyMigrations({ migrationsList, filters: schemaFilters });
    await handle.close();
    return { applied: out.appliedMigrationNames };
  } catch (error) {
    await handle.close();
    const failed = appliedMigrations(file).find((row) => !row.finished_at && !row.rolled_back_at);
    const reason = failed?.logs?.trim() || handle.explain(error);
    // Busy: nothing was written (the lock was never ours), and another process has the file open:
    // it must not be replaced under it.
    if (isBusy(reason)) throw busy(file);
    // Every connection is closed now, so the file can be put back as it was.
    for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
    copyFileSync(backup, file);
    throw new DatabaseSetupError(
      "migration_failed",
      `Migration ${failed?.migration_name ?? pending[0]} failed, and the database was left as it was: ${reason}`,
    );
  } finally {
    rmSync(backup, { force: true });
  }
}

/** Creates migrations/<timestamp>_<name>/migration.sql from the models, then applies it. Development only. */
export async function createMigration(name: string, target: DatabaseTarget = databaseTarget()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error("A migration name uses letters, digits and _ only.");
  await migrateDatabase(target);
  const migrationsList = await readMigrationList(target.prismaDir);
  const schemaFiles = await readSchemaFiles(target.prismaDir);
  const { engine, explain, close } = await openSchemaEngine(sqliteFactory(target.url), schemaFiles);
  try {
    // devDiagnostic fills the shadow-database cache that createMigration reuses.
    await engine.devDiagnostic({ migrationsList, filters: schemaFilters });
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: schemaFiles.map(([p, content]) => ({ path: p, content })) },
      filters: schemaFilters,
    });
    if (!out.migrationScript) return null;
    const dir = path.join(migrationsList.baseDir, out.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    const lock = path.join(migrationsList.baseDir, "migration_lock.toml");
    if (!existsSync(lock)) {
      await writeFile(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
    }
    await close();
    await migrateDatabase(target);
    return out.generatedMigrationName;
  } catch (error) {
    await close();
    throw error instanceof DatabaseSetupError ? error : new Error(explain(error));
  }
}

/** Pushes the models straight to an empty database (no migrations): used to check migrations match. */
export async function pushSchema(target: DatabaseTarget): Promise<void> {
  prepareSqliteFile(target.url);
  const schemaFiles = await readSchemaFiles(target.prismaDir);
  const { engine, explain, close } = await openSchemaEngine(sqliteFactory(target.url), schemaFiles);
  try {
    await engine.schemaPush({
      force: false,
      schema: { files: schemaFiles.map(([p, content]) => ({ path: p, content })) },
      filters: schemaFilters,
    });
  } catch (error) {
    throw new Error(explain(error));
  } finally {
    await close();
  }
}

export async function migrationStatus(target: DatabaseTarget): Promise<{ name: string; applied: boolean }[]> {
  const list = await readMigrationList(target.prismaDir);
  const done = new Set(
    (existsSync(target.url) ? appliedMigrations(target.url) : [])
      .filter((row) => row.finished_at && !row.rolled_back_at)
      .map((row) => row.migration_name),
  );
  return list.migrationDirectories.map((d) => ({ name: d.path, applied: done.has(d.path) }));
}
