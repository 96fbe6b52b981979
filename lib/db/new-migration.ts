// `npm run db:migration -- <name>`: one command writes the migration for both providers, under the
// same folder name, from the models (prisma/models). PostgreSQL's diff needs a PostgreSQL server:
// DATABASE_URL's when it is one (its role needs CREATEDB for the scratch database), otherwise a
// throwaway cluster started from the installed binaries for the few seconds it takes. SQLite
// migrations that have no PostgreSQL twin yet (from a branch that only wrote SQLite's) get theirs
// first, so the new migration holds only what is new.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationDirName, pendingModelChanges, writeMigration } from "./migrate";
import { type Twin, writeMissingTwins } from "./migration-twins";
import { startPgCluster } from "./pg-cluster";
import { type DatabaseTarget, databaseTarget } from "./url";

export interface NewMigrations {
  /** The folder written in both histories, or null when the models needed no migration. */
  created: string | null;
  /** PostgreSQL twins written for older SQLite migrations, and what of them needs a hand. */
  twins: Twin[];
}

const ROOT = process.cwd();
const SQLITE_DIR = path.join(ROOT, "prisma", "sqlite");
const POSTGRES_DIR = path.join(ROOT, "prisma", "postgres");

/** Runs `work` with a PostgreSQL server URL: DATABASE_URL's, or a throwaway cluster's. */
async function withPostgres<T>(work: (url: string) => Promise<T>, log: (line: string) => void): Promise<T> {
  const configured = process.env.DATABASE_URL ? databaseTarget() : null;
  if (configured?.provider === "postgres") return work(configured.url);
  log("Starting a throwaway PostgreSQL cluster for the PostgreSQL migration…");
  const cluster = await startPgCluster();
  try {
    return await work(cluster.url);
  } finally {
    cluster.stop();
  }
}

/** Writes the PostgreSQL twin of every SQLite migration without one (`npm run db:twins`). */
export function writeTwins(log: (line: string) => void = () => {}): Promise<Twin[]> {
  return withScratch((scratch) => withPostgres((pgUrl) => twinsFor(pgUrl, scratch), log));
}

export function createMigrations(name: string, log: (line: string) => void = () => {}): Promise<NewMigrations> {
  const dirName = migrationDirName(name);
  return withScratch((scratch) =>
    withPostgres(async (pgUrl) => {
      const twins = await twinsFor(pgUrl, scratch);
      const sqlite: DatabaseTarget = { provider: "sqlite", url: path.join(scratch, "diff.db"), prismaDir: SQLITE_DIR };
      const postgres: DatabaseTarget = { provider: "postgres", url: pgUrl, prismaDir: POSTGRES_DIR };
      const [forSqlite, forPostgres] = [await pendingModelChanges(sqlite), await pendingModelChanges(postgres)];
      if (forSqlite === null && forPostgres === null) return { created: null, twins };
      if (forSqlite === null || forPostgres === null) {
        throw new Error(
          `The models differ from the ${forSqlite === null ? "PostgreSQL" : "SQLite"} history only: the two histories are out of step (lib/db/schema-drift.test.ts shows where). Mend the one that is behind, then run this again.`,
        );
      }
      await writeMigration(SQLITE_DIR, dirName, forSqlite, "sqlite");
      await writeMigration(POSTGRES_DIR, dirName, forPostgres, "postgres");
      return { created: dirName, twins };
    }, log),
  );
}

function twinsFor(pgUrl: string, scratch: string) {
  return writeMissingTwins({
    sqliteDir: SQLITE_DIR,
    postgresDir: POSTGRES_DIR,
    pgUrl,
    scratchFile: path.join(scratch, "twins.db"),
  });
}

async function withScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(path.join(tmpdir(), "parallel-migration-"));
  try {
    return await work(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
