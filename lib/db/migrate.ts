// Brings a database to the schema in prisma/<provider>/migrations, the way `prisma migrate deploy`
// would, and writes new migrations from the models (`prisma migrate diff --from-migrations
// --to-schema`), for SQLite and PostgreSQL alike; what differs between them is in migrate-sqlite.ts
// and migrate-postgres.ts.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { DatabaseSetupError } from "./errors";
import {
  pgAppliedMigrations,
  pgForgetFailed,
  pgMigrationFactory,
  unreachable,
  withPgMigrationLock,
} from "./migrate-postgres";
import {
  busy,
  isBusy,
  prepareSqliteFile,
  sqliteAppliedMigrations,
  sqliteBackup,
  sqliteMigrationFactory,
} from "./migrate-sqlite";
import { readMigrationList, readSchemaFiles, schemaFilters } from "./migrations-dir";
import { openSchemaEngine } from "./schema-engine";
import { type DatabaseTarget, databaseTarget } from "./url";

export { DatabaseSetupError };

export interface MigrateResult {
  applied: string[];
}

interface AppliedRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

function factoryFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return target.provider === "sqlite" ? sqliteMigrationFactory(target.url) : pgMigrationFactory(target.url);
}

/** The applied-migrations table's rows; null when the database was never migrated. */
async function appliedRows(target: DatabaseTarget): Promise<AppliedRow[] | null> {
  return target.provider === "sqlite" ? sqliteAppliedMigrations(target.url) : pgAppliedMigrations(target.url);
}

const where = (target: DatabaseTarget) => (target.provider === "sqlite" ? target.url : "the PostgreSQL database");

/** Applies pending migrations. On failure the database is left as it was before. */
export async function migrateDatabase(target: DatabaseTarget = databaseTarget()): Promise<MigrateResult> {
  if (target.provider === "sqlite") {
    prepareSqliteFile(target.url);
    return applyPending(target);
  }
  // Instances starting together take turns; the second finds nothing pending.
  return withPgMigrationLock(target.url, () => applyPending(target));
}

async function applyPending(target: DatabaseTarget): Promise<MigrateResult> {
  const migrationsList = await readMigrationList(target.prismaDir);
  const known = new Set(migrationsList.migrationDirectories.map((d) => d.path));
  const rows = await appliedRows(target);
  const applied = (rows ?? []).filter((row) => row.finished_at && !row.rolled_back_at);
  const unknown = applied.map((row) => row.migration_name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new DatabaseSetupError(
      "newer_than_code",
      `The database ${where(target)} was migrated by a newer version of Parallel (migration ${unknown.join(", ")} is not in this code). Update the code, or point DATABASE_URL at another database.`,
    );
  }
  const pending = [...known].filter((name) => !applied.some((row) => row.migration_name === name));
  // With nothing pending, the engine still runs once to create _prisma_migrations.
  if (pending.length === 0 && rows) return { applied: [] };

  const backup = target.provider === "sqlite" ? sqliteBackup(target.url) : null;
  const handle = await openSchemaEngine(factoryFor(target), await readSchemaFiles(target.prismaDir));
  try {
    const out = await handle.engine.applyMigrations({ migrationsList, filters: schemaFilters(target.provider) });
    await handle.close();
    return { applied: out.appliedMigrationNames };
  } catch (error) {
    await handle.close();
    const failed = (await appliedRows(target))?.find((row) => !row.finished_at && !row.rolled_back_at);
    const reason = failed?.logs?.trim() || handle.explain(error);
    if (target.provider === "sqlite") {
      // Busy: nothing was written (the lock was never ours), and another process has the file open:
      // it must not be replaced under it. Otherwise every connection is closed: put the file back.
      if (isBusy(reason)) throw busy(target.url);
      backup?.restore();
    } else if (failed) {
      await pgForgetFailed(target.url, failed.migration_name);
    } else if (/DatabaseNotReachable|ECONNREFUSED|connect/i.test(reason)) {
      throw unreachable(target.url, reason);
    }
    throw new DatabaseSetupError(
      "migration_failed",
      `Migration ${failed?.migration_name ?? pending[0]} failed, and the database was left as it was: ${reason}`,
    );
  } finally {
    backup?.drop();
  }
}

/**
 * The SQL that takes the provider's migration history to the models, worked out in a scratch
 * (shadow) database; null when the history already matches the models. `target` only says where
 * the scratch database may be made: its own data is never touched.
 */
export async function pendingModelChanges(target: DatabaseTarget): Promise<string | null> {
  const migrationsList = await readMigrationList(target.prismaDir);
  const schemaFiles = await readSchemaFiles(target.prismaDir);
  const { engine, explain, close } = await openSchemaEngine(factoryFor(target), schemaFiles);
  try {
    const out = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: schemaFiles.map(([p, content]) => ({ path: p, content })) },
      script: true,
      exitCode: true,
      filters: schemaFilters(target.provider),
    });
    // Exit code 2: the two differ (as `prisma migrate diff --exit-code`).
    return out.exitCode === 2 ? (out.stdout ?? "") : null;
  } catch (error) {
    throw error instanceof DatabaseSetupError ? error : new Error(explain(error));
  } finally {
    await close();
  }
}

/** migrations/migration_lock.toml, which names the provider of the history (the engine needs it). */
export async function ensureLockFile(prismaDir: string, provider: DatabaseTarget["provider"]) {
  const base = path.join(prismaDir, "migrations");
  await mkdir(base, { recursive: true });
  const lock = path.join(base, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider === "sqlite" ? "sqlite" : "postgresql"}"\n`,
    );
  }
}

/** migrations/<dirName>/migration.sql with `script`. */
export async function writeMigration(
  prismaDir: string,
  dirName: string,
  script: string,
  provider: DatabaseTarget["provider"],
) {
  await ensureLockFile(prismaDir, provider);
  await mkdir(path.join(prismaDir, "migrations", dirName), { recursive: true });
  await writeFile(path.join(prismaDir, "migrations", dirName, "migration.sql"), script);
}

/** A migration folder name as Prisma makes them: UTC timestamp, then the name. */
export function migrationDirName(name: string, now = new Date()): string {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error("A migration name uses letters, digits and _ only.");
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${stamp}_${name}`;
}

/**
 * Writes migrations/<timestamp>_<name>/migration.sql for one provider from the models; null when
 * there is nothing to migrate. Both providers at once: lib/db/new-migration.ts.
 */
export async function createMigration(
  name: string,
  target: DatabaseTarget = databaseTarget(),
  dirName = migrationDirName(name),
): Promise<string | null> {
  const script = await pendingModelChanges(target);
  if (script === null) return null;
  await writeMigration(target.prismaDir, dirName, script, target.provider);
  return dirName;
}

/** Pushes the models straight to an empty database (no migrations): used to check migrations match. */
export async function pushSchema(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") prepareSqliteFile(target.url);
  const schemaFiles = await readSchemaFiles(target.prismaDir);
  const { engine, explain, close } = await openSchemaEngine(factoryFor(target), schemaFiles);
  try {
    await engine.schemaPush({
      force: false,
      schema: { files: schemaFiles.map(([p, content]) => ({ path: p, content })) },
      filters: schemaFilters(target.provider),
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
    ((await appliedRows(target)) ?? [])
      .filter((row) => row.finished_at && !row.rolled_back_at)
      .map((row) => row.migration_name),
  );
  return list.migrationDirectories.map((d) => ({ name: d.path, applied: done.has(d.path) }));
}
