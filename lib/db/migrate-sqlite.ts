// The SQLite side of migrating (migrate.ts): the file made ready (folder, WAL, writable), the
// applied-migrations table read, and a copy kept to restore when a migration fails (SQLite cannot
// roll a half-applied history back by itself).
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { DatabaseSetupError } from "./errors";

// SQLite's "busy" reaches us as its own message, or as the driver adapter's SocketTimeout kind.
export const isBusy = (text: string) => /database is locked|SQLITE_BUSY|SocketTimeout/i.test(text);
export const busy = (file: string) =>
  new DatabaseSetupError(
    "busy",
    `The database ${file} is busy: another program (another Parallel server?) is writing to it. Stop it, then start again.`,
  );

export function sqliteMigrationFactory(file: string) {
  return new PrismaBetterSqlite3({ url: `file:${file}` });
}

/** Opens (creating if needed) the SQLite file, proves it is writable and switches it to WAL. */
export function prepareSqliteFile(file: string): void {
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

export interface AppliedRow {
  migration_name: string;
  finished_at: string | null;
  rolled_back_at: string | null;
  logs: string | null;
}

/** The rows of _prisma_migrations, or null when the file has never been migrated. */
export function sqliteAppliedMigrations(file: string): AppliedRow[] | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!has) return null;
    return db
      .prepare("SELECT migration_name, finished_at, rolled_back_at, logs FROM _prisma_migrations")
      .all() as AppliedRow[];
  } finally {
    db.close();
  }
}

/** Keeps a copy of the file; `restore` puts it back (every connection must be closed), `drop` forgets it. */
export function sqliteBackup(file: string) {
  const backup = `${file}.before-migrate`;
  rmSync(backup, { force: true });
  const db = new Database(file);
  db.prepare("VACUUM INTO ?").run(backup);
  db.close();
  return {
    restore() {
      for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
      copyFileSync(backup, file);
    },
    drop() {
      rmSync(backup, { force: true });
    },
  };
}
