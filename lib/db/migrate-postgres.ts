// The PostgreSQL side of migrating (migrate.ts): the schema engine's connections, its shadow
// databases, the applied-migrations table, and one migrating instance at a time.
// @prisma/adapter-pg 7.10's own shadow database is unsafe here: built from a connection string, its
// "shadow" connection went to the main database (pg lets the URL override the database field), and
// its cleanup drops the shadow database while its pool still holds connections. So the shadow
// database is made here: discrete connection fields, the pool closed before DROP … WITH (FORCE).
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { DatabaseSetupError } from "./errors";
import { describePgUrl, pgConnectionConfig } from "./pg-config";

/**
 * The schema engine reads catalog columns of PostgreSQL's internal "char" type (OID 18), which the
 * adapter has no mapping for: they are one-letter codes, passed on as text.
 */
class CharAsText extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query has a dozen overloads; this passes every call through.
  override query(...args: any[]): any {
    const fix = (result: pg.QueryResult | undefined) => {
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    };
    // The pool calls query(text, values, callback); the adapter's transactions use the promise.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (error: Error | null, result: pg.QueryResult) => {
        fix(result);
        callback(error, result);
      };
    }
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const result = (super.query as (...a: any[]) => any)(...args);
    if (!result || typeof result.then !== "function") return result;
    return result.then((r: pg.QueryResult) => {
      fix(r);
      return r;
    });
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConnectionConfig(url));
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(url, error);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function unreachable(url: string, error: unknown): DatabaseSetupError {
  const reason = (error as Error)?.message ?? String(error);
  return new DatabaseSetupError(
    "unreachable",
    `Cannot connect to PostgreSQL at ${describePgUrl(url)} (${reason}). Check DATABASE_URL and that the server is running.`,
  );
}

/** The schema engine's connections: the database itself, and shadow databases it may ask for. */
export function pgMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const config = { ...pgConnectionConfig(url), Client: CharAsText, max: 2 };
  const main = new PrismaPg(config);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const name = `parallel_shadow_${randomBytes(8).toString("hex")}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE "${name}"`)).catch((error: Error) => {
        throw new DatabaseSetupError(
          "bad_admin",
          `Creating migrations needs a scratch database, and ${describePgUrl(url)} may not create one (${error.message}): give its role CREATEDB, or leave DATABASE_URL unset to use a throwaway cluster.`,
        );
      });
      const drop = () => withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      let adapter: SqlDriverAdapter;
      try {
        adapter = await new PrismaPg({ ...config, database: name }).connect();
      } catch (error) {
        await drop();
        throw error;
      }
      const dispose = async () => {
        await adapter.dispose();
        await drop();
      };
      return new Proxy(adapter, {
        get: (target, prop, receiver) => (prop === "dispose" ? dispose : Reflect.get(target, prop, receiver)),
      });
    },
  };
}

export interface AppliedRow {
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  logs: string | null;
}

/** The rows of _prisma_migrations, or null when the database has never been migrated. */
export function pgAppliedMigrations(url: string): Promise<AppliedRow[] | null> {
  return withClient(url, async (c) => {
    const table = await c.query("SELECT to_regclass('_prisma_migrations') AS t");
    if (!table.rows[0]?.t) return null;
    const rows = await c.query<AppliedRow>(
      "SELECT migration_name, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at",
    );
    return rows.rows;
  });
}

/**
 * Marks a migration that failed as rolled back, so the next start tries it again. A migration is
 * sent as one simple-protocol query, which PostgreSQL runs as one transaction: when it fails, none of
 * it is left, and only this row says it was attempted.
 */
export function pgForgetFailed(url: string, name: string): Promise<void> {
  return withClient(url, async (c) => {
    await c.query(
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL",
      [name],
    );
  });
}

/** An arbitrary constant: the advisory lock that instances starting together take in turn. */
const MIGRATION_LOCK = 5_061_726_108;

/** Runs `work` while holding the migration lock: two instances starting at once migrate one after the other. */
export function withPgMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  return withClient(url, async (c) => {
    await c.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await c.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
