// One better-sqlite3 connection of the SQLite adapter (sqlite-adapter.ts): the writer or the reader,
// and what the adapter asks of it: whether a statement only reads, and whether what it just
// committed can be vouched for (fs-check.ts); and the errors after which its state is not known.
import { DriverAdapterError, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";
import type { FilesystemCheck } from "./fs-check";
import { cacheStatements } from "./statement-cache";

// Statements that certainly write or control transactions go to the writer without a look; a SELECT
// goes to the reader; anything else (WITH …) is asked of SQLite (sqlite3_stmt_readonly).
const WRITES =
  /^\s*(?:insert|update|delete|replace|create|drop|alter|pragma|begin|commit|end|rollback|savepoint|release|vacuum|reindex|analyze|attach|detach)\b/i;
const SELECT = /^\s*select\b/i;

/** SQLite's I/O errors (SQLITE_IOERR_*, SQLITE_READONLY_*, SQLITE_CORRUPT_*): the connection's state is not known after them. */
export function isIoError(error: unknown): boolean {
  const code = (error as { cause?: { originalCode?: unknown } }).cause?.originalCode;
  return typeof code === "string" && /^SQLITE_(?:IOERR|READONLY|CORRUPT)/.test(code);
}

/** The refusal of a write whose commit could not be confirmed, as SQLite words an I/O error (errors.ts). */
export function unconfirmed(why: unknown): DriverAdapterError {
  const reason = why instanceof Error ? why.message : String(why);
  const message = `disk I/O error: the filesystem refused a change after the commit (${reason})`;
  return new DriverAdapterError({
    kind: "sqlite",
    extendedCode: 10, // SQLITE_IOERR
    message,
    originalCode: "SQLITE_IOERR",
    originalMessage: message,
  } as ConstructorParameters<typeof DriverAdapterError>[0]);
}

/** The adapter's better-sqlite3 connection: not in its types, present in the pinned version. */
function connectionOf(adapter: SqlDriverAdapter): Database {
  const client = (adapter as unknown as { client?: Database }).client;
  if (!client || typeof client.prepare !== "function") throw new Error("unexpected SQLite adapter");
  return client;
}

export class Connection {
  readonly db: Database;
  constructor(
    readonly adapter: SqlDriverAdapter,
    queryOnly: boolean,
    /** The writer's check that a commit is on disk; null for the reader and for ":memory:". */
    private readonly check: FilesystemCheck | null = null,
  ) {
    this.db = connectionOf(adapter);
    // Before the cache takes over prepare(): pragma() uses it in its own way.
    if (queryOnly) this.db.pragma("query_only = ON");
    // Every commit reaches the disk before it is answered. better-sqlite3 builds SQLite with WAL
    // commits synced only at checkpoints (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1): they survive the process
    // dying (kill -9) but not the machine, nor the filesystem turning read-only, where issue 18's test
    // (e2e/reliability-readonly.spec.ts) lost every save answered 200 since the last checkpoint.
    else this.db.pragma("synchronous = FULL");
    cacheStatements(this.db);
  }

  /** The storage error to answer when the filesystem cannot vouch for what was just committed, or null. */
  refusalAfterCommit(): DriverAdapterError | null {
    try {
      this.check?.run();
      return null;
    } catch (error) {
      return unconfirmed(error);
    }
  }

  readsOnly(sql: string): boolean {
    if (WRITES.test(sql)) return false;
    if (SELECT.test(sql)) return true;
    return (this.db.prepare(sql) as unknown as { readonly: boolean }).readonly;
  }
}
