// Real databases for integration tests: a SQLite file in a throwaway folder, or, when the suite runs
// on PostgreSQL (PARALLEL_TEST_DB=postgres, as `npm test`'s second pass does), a database of its own
// in the run's throwaway cluster (tests/pg-global-setup.ts), copied from a migrated template.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startPgCluster } from "../lib/db/pg-cluster";
import type { DatabaseTarget, Provider } from "../lib/db/url";

export function tempDir(prefix = "parallel-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The database the integration tests run on: PARALLEL_TEST_DB=postgres, or SQLite. */
export function testProvider(): Provider {
  return process.env.PARALLEL_TEST_DB === "postgres" ? "postgres" : "sqlite";
}

/** A SQLite target using the project's own schema and migrations. */
export function sqliteTarget(dir: string, name = "test.db"): DatabaseTarget {
  return { provider: "sqlite", url: path.join(dir, name), prismaDir: path.resolve("prisma", "sqlite") };
}

/** A private copy of prisma/sqlite (schema, models, migrations) that a test may add migrations to. */
export function copyPrismaDir(dir: string, provider: Provider = "sqlite"): string {
  const copy = path.join(dir, `prisma-${provider}`);
  cpSync(path.resolve("prisma", provider), copy, { recursive: true, dereference: true });
  return copy;
}

/** Set by tests/pg-global-setup.ts: the run's cluster and its migrated template database. */
export const PG_URL_VAR = "PARALLEL_TEST_PG_URL";
export const PG_TEMPLATE = "parallel_template";

let ownCluster: Promise<string> | undefined;

/** The PostgreSQL server of this run: the global setup's, or one started for this process. */
export function testPgUrl(): Promise<string> {
  const shared = process.env[PG_URL_VAR];
  if (shared) return Promise.resolve(shared);
  ownCluster ??= startPgCluster().then((cluster) => cluster.url);
  return ownCluster;
}

const withUrl = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  provider: Provider;
  /** As DATABASE_URL would hold it. */
  url: string;
  target: DatabaseTarget;
  /** A throwaway folder for the test's files (the SQLite file lives here too). */
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh database of the run's provider. Migrated already unless `empty` (then nothing, not even
 * the migrations table: for tests of migrating itself).
 */
export async function testDatabase(options: { empty?: boolean; provider?: Provider } = {}): Promise<TestDatabase> {
  const provider = options.provider ?? testProvider();
  const tmp = tempDir();
  if (provider === "sqlite") {
    const target = sqliteTarget(tmp.dir);
    if (!options.empty) await (await import("../lib/db/migrate")).migrateDatabase(target);
    return {
      provider,
      url: `file:${target.url}`,
      target,
      dir: tmp.dir,
      cleanup: async () => tmp.cleanup(),
    };
  }
  const server = await testPgUrl();
  const name = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  // Copying the migrated template takes a fraction of migrating from the start.
  const template = process.env[PG_URL_VAR] && !options.empty ? ` TEMPLATE ${PG_TEMPLATE}` : "";
  await admin(server, `CREATE DATABASE "${name}"${template}`);
  const url = withUrl(server, name);
  const target: DatabaseTarget = { provider, url, prismaDir: path.resolve("prisma", "postgres") };
  if (!options.empty && !template) await (await import("../lib/db/migrate")).migrateDatabase(target);
  return {
    provider,
    url,
    target,
    dir: tmp.dir,
    cleanup: async () => {
      tmp.cleanup();
      await admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
