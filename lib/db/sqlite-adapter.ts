// The SQLite side of "a write that got 200 survives anything" (docs/security.md, Data safety).
// Prisma's better-sqlite3 adapter runs every query of the process on one connection; while an
// interactive transaction was open there, other requests' statements ran inside it, were rolled back
// with it although they had been answered, and read what it had not committed. Here each client has
// two connections to the file (WAL mode, set when it is migrated):
//  - the writer, where every statement that may write and every transaction runs, one at a time in
//    arrival order (WriteGate): a transaction holds the writer from BEGIN IMMEDIATE to its end, and a
//    save arriving meanwhile waits for it; the saves that arrive together commit together, each in a
//    savepoint of its own, one fsync for them all (group-commit.ts);
//  - the reader, for plain reads (SELECT) outside transactions: they never wait for a writer and see
//    only committed data.
// The writer leaves WAL checkpoints to a worker thread (checkpointer.ts), off the event loop.
// The queries themselves (argument and result conversion, error mapping) stay Prisma's adapter's.
// PostgreSQL needs none of this: adapter-pg's pool gives each transaction its own connection.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";
import { Checkpointer } from "./checkpointer";
import { GroupCommit } from "./group-commit";
import { cacheStatements } from "./statement-cache";
import { type Release, WriteGate } from "./write-gate";

/** How long a statement waits for another process's write lock before it fails (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

// Statements that certainly write or control transactions go to the writer without a look; a SELECT
// goes to the reader; anything else (WITH …) is asked of SQLite (sqlite3_stmt_readonly).
const WRITES =
  /^\s*(?:insert|update|delete|replace|create|drop|alter|pragma|begin|commit|end|rollback|savepoint|release|vacuum|reindex|analyze|attach|detach)\b/i;
const SELECT = /^\s*select\b/i;
// Autocommit writes that may share a transaction with others (group-commit.ts); anything else
// (PRAGMA, DDL, VACUUM, transaction control) runs alone.
const GROUPABLE = /^\s*(?:insert|update|delete|replace)\b/i;

const noArgs = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** The adapter's better-sqlite3 connection: not in its types, present in the pinned version. */
function connectionOf(adapter: SqlDriverAdapter): Database {
  const client = (adapter as unknown as { client?: Database }).client;
  if (!client || typeof client.prepare !== "function") throw new Error("unexpected SQLite adapter");
  return client;
}

class Connection {
  readonly db: Database;
  constructor(
    readonly adapter: SqlDriverAdapter,
    queryOnly: boolean,
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

  readsOnly(sql: string): boolean {
    if (WRITES.test(sql)) return false;
    if (SELECT.test(sql)) return true;
    return (this.db.prepare(sql) as unknown as { readonly: boolean }).readonly;
  }
}

/** A transaction on the writer, holding the gate until it ends (Prisma sends COMMIT / ROLLBACK first). */
class WriterTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(
    private readonly writer: Connection,
    private readonly release: Release,
  ) {
    this.adapterName = writer.adapter.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.writer.adapter.queryRaw(query);
  }
  executeRaw(query: SqlQuery) {
    return this.writer.adapter.executeRaw(query);
  }
  commit() {
    this.end();
    return Promise.resolve();
  }
  rollback() {
    this.end();
    return Promise.resolve();
  }
  async createSavepoint(name: string) {
    await this.executeRaw(noArgs(`SAVEPOINT ${name}`));
  }
  async rollbackToSavepoint(name: string) {
    await this.executeRaw(noArgs(`ROLLBACK TO ${name}`));
  }
  async releaseSavepoint(name: string) {
    await this.executeRaw(noArgs(`RELEASE SAVEPOINT ${name}`));
  }

  private end() {
    // A COMMIT that failed leaves the transaction open: never hand the writer on inside it.
    if (this.writer.db.inTransaction) this.writer.db.exec("ROLLBACK");
    this.release();
  }
}

class GatedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly gate = new WriteGate();
  /** Autocommit writes, several to a commit (one fsync) when they arrive together. */
  private readonly groupCommit: GroupCommit;

  constructor(
    private readonly writer: Connection,
    /** Null for an in-memory database, which one connection only can see: everything takes the gate. */
    private readonly reader: Connection | null,
    private readonly checkpointer: Checkpointer | null,
  ) {
    this.adapterName = writer.adapter.adapterName;
    // Through this.writer at each call, so a writer opened again later is the one used.
    this.groupCommit = new GroupCommit(this.gate, {
      execute: (sql) => this.writer.adapter.executeRaw(noArgs(sql)),
      inTransaction: () => this.writer.db.inTransaction,
    });
  }

  queryRaw(query: SqlQuery) {
    if (this.reader?.readsOnly(query.sql)) return this.reader.adapter.queryRaw(query);
    return this.onWriter(() => this.writer.adapter.queryRaw(query), query);
  }

  executeRaw(query: SqlQuery) {
    if (this.reader?.readsOnly(query.sql)) return this.reader.adapter.executeRaw(query);
    return this.onWriter(() => this.writer.adapter.executeRaw(query), query);
  }

  private onWriter<T>(work: () => Promise<T>, query: SqlQuery): Promise<T> {
    return GROUPABLE.test(query.sql) ? this.groupCommit.submit(work) : this.gate.run(work);
  }

  executeScript(script: string) {
    return this.gate.run(() => this.writer.adapter.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; like Prisma's adapter, refuse promising anything else.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const release = await this.gate.acquire();
    try {
      // IMMEDIATE takes the write lock now: a transaction that reads first and writes later can
      // neither fail halfway to upgrade its lock nor let another process write between the two.
      await this.writer.adapter.executeRaw(noArgs("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new WriterTransaction(this.writer, release);
  }

  async dispose() {
    await this.checkpointer?.stop();
    await this.reader?.adapter.dispose();
    await this.writer.adapter.dispose();
  }
}

/** The adapter factory for a SQLite file (absolute path, or ":memory:"). */
export function sqliteAdapter(file: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: "sqlite",
    adapterName: factory.adapterName,
    async connect() {
      const writer = new Connection(await factory.connect(), false);
      const reader = file === ":memory:" ? null : new Connection(await factory.connect(), true);
      // Checkpoints off the event loop (checkpointer.ts); a database in memory has no WAL.
      const checkpointer = reader ? new Checkpointer(file, writer.db) : null;
      return new GatedSqliteAdapter(writer, reader, checkpointer);
    },
  };
}
