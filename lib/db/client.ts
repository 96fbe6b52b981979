// The one place that constructs the Prisma client. It picks the driver adapter from DATABASE_URL
// and is cached on globalThis so Next's module reloading does not open a new pool each time.
// Whatever the provider, code calls db.$transaction and gets a transaction that nobody else's
// statements run inside (for SQLite: sqlite-adapter.ts; PostgreSQL's pool has a connection each,
// and serializable.ts gives its transactions SQLite's guarantee).
// Both providers' clients are generated (prisma/sqlite, prisma/postgres: the same models); the
// types follow SQLite's, so shared code uses nothing one provider lacks (docs/architecture.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { PrismaClient } from "../generated/sqlite/client";
import { pgConnectionConfig, poolSize } from "./pg-config";
import { serializableTransactions } from "./serializable";
import { sqliteAdapter } from "./sqlite-adapter";
import { type DatabaseTarget, databaseTarget, type Provider } from "./url";

export type Db = InstanceType<typeof PrismaClient>;
/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Each client's database, for what must reach the same one by other means (the live layer's LISTEN
// connection): a client opened with openDb(url) is not DATABASE_URL's. Kept on globalThis like the
// client itself: the production server's own save route (scripts/start.ts) and Next's bundle each
// load this module, and whichever made the shared client first must be able to tell the other.
const shared = globalThis as unknown as {
  parallelDbTargets?: WeakMap<object, DatabaseTarget>;
  parallelDbWritable?: WeakMap<object, () => Promise<void>>;
};
shared.parallelDbTargets ??= new WeakMap<object, DatabaseTarget>();
shared.parallelDbWritable ??= new WeakMap<object, () => Promise<void>>();
const targets = shared.parallelDbTargets;
const writableChecks = shared.parallelDbWritable;

function createClient(url?: string): Db {
  const target = databaseTarget(url);
  let client: Db;
  if (target.provider === "sqlite") {
    // better-sqlite3 enables foreign keys by default; WAL is set on the file when it is migrated.
    const adapter = sqliteAdapter(target.url);
    client = new PrismaClient({ adapter });
    writableChecks.set(client, adapter.confirmWritable);
  } else {
    const adapter = new PrismaPg({ ...pgConnectionConfig(target.url), max: poolSize() });
    // The same models, so the same shape: only the types are SQLite's (see above).
    client = new PostgresClient({ adapter }) as unknown as Db;
    serializableTransactions(client);
  }
  targets.set(client, target);
  return client;
}

/** The database a client made here talks to (its provider and URL). */
export function targetOf(client: Db): DatabaseTarget {
  const target = targets.get(client);
  if (!target) throw new Error("not a client made by lib/db/client.ts");
  return target;
}

/**
 * Resolves when what the client reads may be answered as saved: on SQLite, rejects with the storage
 * error (503) while a commit the disk could not confirm is in the database (sqlite-adapter.ts). For
 * an answer built from a read alone, as a save that changes nothing is. PostgreSQL: at once.
 */
export function confirmWritable(client: Db): Promise<void> {
  return writableChecks.get(client)?.() ?? Promise.resolve();
}

/** Which database a client (or a transaction's client) talks to, for the few statements that differ. */
export function providerOf(client: object): Provider {
  const active = (client as unknown as { _activeProvider?: string })._activeProvider;
  if (active === "sqlite") return "sqlite";
  if (active === "postgresql") return "postgres";
  throw new Error(`unknown database client (${active})`);
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
