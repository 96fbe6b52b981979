// The one place that constructs the Prisma client. It picks the driver adapter from DATABASE_URL
// and is cached on globalThis so Next's module reloading does not open a new pool each time.
// Whatever the provider, code calls db.$transaction and gets a transaction that nobody else's
// statements run inside (for SQLite: sqlite-adapter.ts; PostgreSQL's pool has a connection each).
import { PrismaClient } from "../generated/sqlite/client";
import { sqliteAdapter } from "./sqlite-adapter";
import { databaseTarget } from "./url";

export type Db = InstanceType<typeof PrismaClient>;
/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createClient(url?: string): Db {
  const target = databaseTarget(url);
  if (target.provider !== "sqlite") {
    throw new Error(`${target.provider} is not supported by this build yet`);
  }
  // better-sqlite3 enables foreign keys by default; WAL is set on the file when it is migrated.
  return new PrismaClient({ adapter: sqliteAdapter(target.url) });
}

const cache = globalThis as unknown as { parallelDb?: Db };

/** The application's client for DATABASE_URL. */
export function getDb(): Db {
  cache.parallelDb ??= createClient();
  return cache.parallelDb;
}

/** A separate client for an explicit URL (scripts and tests); the caller disconnects it. */
export function openDb(url: string): Db {
  return createClient(url);
}

export { Prisma } from "../generated/sqlite/client";
