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
// A commit is answered only once the filesystem has shown it is still whole (fs-check.ts, through
// checkedStatement in writer-transaction.ts, which also holds the transaction class): ext4
// can answer fsync() with success for a commit it then loses while it turns read-only. After any
// I/O error, or a commit that check could not confirm, the writer is not used again: SQLite and the
// page cache may hold a commit the disk has not, and a later write (a checkpoint's restart of the
// WAL) could overwrite the frames earlier, durable commits live in. The next write first checks
// the filesystem and, once it is whole again, opens a new writer; until then writes are refused
// without touching the files (503), and reads go on.
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
import { Checkpointer } from "./checkpointer";
import { FilesystemCheck } from "./fs-check";
import { GroupCommit } from "./group-commit";
import { Connection, isIoError, unconfirmed } from "./sqlite-connection";
import { WriteGate } from "./write-gate";
import { COMMIT, checkedStatement, noArgs, type WriterOwner, WriterTransaction } from "./writer-transaction";

/** How long a statement waits for another process's write lock before it fails (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

const BEGIN = /^\s*begin\b/i;
// Autocommit writes that may share a transaction with others (group-commit.ts); anything else
// (PRAGMA, DDL, VACUUM, transaction control) runs alone.
const GROUPABLE = /^\s*(?:insert|update|delete|replace)\b/i;

class GatedSqliteAdapter implements SqlDriverAdapter, WriterOwner {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly gate = new WriteGate();
  /** Set when the writer was retired: the next write checks the filesystem and opens a new one. */
  private retired = false;
  /** Autocommit writes, several to a commit (one fsync) when they arrive together. */
  private readonly groupCommit: GroupCommit;
  /** A batch of the group commit is open on the writer: its statements run inside it, unchecked. */
  private inBatch = false;

  constructor(
    private writer: Connection,
    /** Null for an in-memory database, which one connection only can see: everything takes the gate. */
    private readonly reader: Connection | null,
    /** Opens a new writer; null for an in-memory database (nothing to reopen: its data is the connection). */
    private readonly reopen: (() => Promise<Connection>) | null,
    private readonly check: FilesystemCheck | null,
    private readonly file: string,
    private readonly checkpointer: Checkpointer | null,
  ) {
    this.adapterName = writer.adapter.adapterName;
    // Through this.writer at each call, so a writer opened again later is the one used. A batch
    // begins on a usable writer (a retired one replaced first), and its COMMIT is confirmed like any
    // other (fs-check.ts): refused, every statement of the batch gets the error.
    this.groupCommit = new GroupCommit(this.gate, {
      execute: async (sql) => {
        const writer = BEGIN.test(sql) ? await this.usableWriter() : this.writer;
        try {
          return await checkedStatement(
            writer,
            this,
            () => writer.adapter.executeRaw(noArgs(sql)),
            () => COMMIT.test(sql) && !writer.db.inTransaction,
          );
        } finally {
          this.inBatch = writer.db.inTransaction;
        }
      },
      inTransaction: () => this.writer.db.inTransaction,
    });
  }

  queryRaw(query: SqlQuery) {
    if (this.reader?.readsOnly(query.sql)) return this.reader.adapter.queryRaw(query);
    return this.write(query, (writer) => writer.adapter.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    if (this.reader?.readsOnly(query.sql)) return this.reader.adapter.executeRaw(query);
    return this.write(query, (writer) => writer.adapter.executeRaw(query));
  }

  /** An autocommit write: grouped with others that arrive with it, or alone in the gate. */
  private write<T>(query: SqlQuery, statement: (writer: Connection) => Promise<T>): Promise<T> {
    if (!GROUPABLE.test(query.sql)) return this.gate.run(() => this.onWriter(statement));
    return this.groupCommit.submit(() => (this.inBatch ? this.inBatchOnWriter(statement) : this.onWriter(statement)));
  }

  /** A statement inside a group-commit batch: the batch's BEGIN found the writer, its COMMIT is checked. */
  private async inBatchOnWriter<T>(statement: (writer: Connection) => Promise<T>): Promise<T> {
    const writer = this.writer;
    try {
      return await statement(writer);
    } catch (error) {
      if (isIoError(error)) this.retire(writer);
      throw error;
    }
  }

  executeScript(script: string) {
    return this.gate.run(() => this.onWriter((writer) => writer.adapter.executeScript(script)));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; like Prisma's adapter, refuse promising anything else.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const release = await this.gate.acquire();
    try {
      const writer = await this.usableWriter();
      try {
        // IMMEDIATE takes the write lock now: a transaction that reads first and writes later can
        // neither fail halfway to upgrade its lock nor let another process write between the two.
        await writer.adapter.executeRaw(noArgs("BEGIN IMMEDIATE"));
      } catch (error) {
        if (isIoError(error)) this.retire(writer);
        throw error;
      }
      return new WriterTransaction(writer, this, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Resolves once writes can be vouched for: at once, or after a retired writer was replaced (else the storage error). */
  confirmWritable(): Promise<void> {
    if (!this.retired) return Promise.resolve();
    return this.gate.run(async () => {
      await this.usableWriter();
    });
  }

  retire(writer: Connection) {
    if (writer === this.writer && this.reopen) this.retired = true;
  }

  async dispose() {
    await this.checkpointer?.stop();
    await this.reader?.adapter.dispose();
    await this.writer.adapter.dispose();
    this.check?.close();
  }

  /** A statement outside any transaction, on the writer; what it committed is confirmed before it is answered. */
  private async onWriter<T>(statement: (writer: Connection) => Promise<T>): Promise<T> {
    const writer = await this.usableWriter();
    return checkedStatement(
      writer,
      this,
      () => statement(writer),
      () => !writer.db.inTransaction,
    );
  }

  /** The writer, or after it was retired a new one once the filesystem takes changes again (in the gate). */
  private async usableWriter(): Promise<Connection> {
    if (!this.retired || !this.reopen) return this.writer;
    try {
      // Whole again: what the retired writer left (a commit perhaps never on disk) is synced and
      // confirmed like any commit before anything more is written or vouched for.
      this.check?.run();
      this.check?.syncDatabase(this.file);
    } catch (error) {
      throw unconfirmed(error);
    }
    const fresh = await this.reopen();
    // The old connection is closed only now that nothing runs on it. The reader keeps the file
    // open meanwhile, so closing it is not the last close and does no checkpoint.
    await this.writer.adapter.dispose().catch(() => undefined);
    this.writer = fresh;
    this.checkpointer?.attachWriter(fresh.db);
    this.retired = false;
    return fresh;
  }
}

export interface SqliteAdapterFactory extends SqlDriverAdapterFactory {
  /**
   * Resolves when what the database shows now may be answered as saved; rejects with the storage
   * error while a commit it could not confirm is in it (the writer retired, its disk refusing).
   */
  confirmWritable(): Promise<void>;
}

/** The adapter factory for a SQLite file (absolute path, or ":memory:"). */
export function sqliteAdapter(file: string): SqliteAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  let connected: GatedSqliteAdapter | null = null;
  return {
    provider: "sqlite",
    adapterName: factory.adapterName,
    async connect() {
      if (file === ":memory:") {
        connected = new GatedSqliteAdapter(
          new Connection(await factory.connect(), false),
          null,
          null,
          null,
          file,
          null,
        );
        return connected;
      }
      const check = new FilesystemCheck(file);
      const openWriter = async () => new Connection(await factory.connect(), false, check);
      const writer = await openWriter();
      const reader = new Connection(await factory.connect(), true);
      // Checkpoints off the event loop (checkpointer.ts).
      const checkpointer = new Checkpointer(file, writer.db);
      connected = new GatedSqliteAdapter(writer, reader, openWriter, check, file, checkpointer);
      return connected;
    },
    confirmWritable: () => connected?.confirmWritable() ?? Promise.resolve(),
  };
}
