// The SQLite writer's statements (sqlite-adapter.ts): a transaction holding the writer from
// BEGIN IMMEDIATE to its end, and checkedStatement, the one place a writer statement's commit is
// confirmed by the filesystem check (fs-check.ts) before it is answered: a transaction's COMMIT, a
// group-commit batch's COMMIT, a lone write.
import { DriverAdapterError, type SqlQuery, type Transaction } from "@prisma/driver-adapter-utils";
import { type Connection, isIoError } from "./sqlite-connection";
import type { Release } from "./write-gate";

export const COMMIT = /^\s*(?:commit|end)\b/i;
const ROLLBACK = /^\s*rollback\s*$/i;

export const noArgs = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** What a transaction needs of the adapter that opened it. */
export interface WriterOwner {
  /** Takes the writer out of use after an error that leaves its state unknown. */
  retire(writer: Connection): void;
}

/**
 * Runs one statement on the writer and, when it committed (`committed()` right after it ran), answers
 * only once the filesystem check confirmed the commit (fs-check.ts); an I/O error or a refused check
 * retires the writer. better-sqlite3 runs the statement when it is called, so the check follows the
 * commit at once, before any other request's code can read what it committed.
 */
export async function checkedStatement<T>(
  writer: Connection,
  owner: WriterOwner,
  statement: () => Promise<T>,
  committed: () => boolean,
): Promise<T> {
  const pending = statement();
  const refusal = committed() ? writer.refusalAfterCommit() : null;
  try {
    const result = await pending;
    if (refusal) throw refusal;
    return result;
  } catch (error) {
    if (isIoError(error)) owner.retire(writer);
    throw error;
  }
}

/** A transaction on the writer, holding the gate until it ends (Prisma sends COMMIT / ROLLBACK first). */
export class WriterTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  /** The last statement's error: SQLite may have rolled the whole transaction back with it. */
  private failed: unknown = null;

  constructor(
    private readonly writer: Connection,
    private readonly owner: WriterOwner,
    private readonly release: Release,
  ) {
    this.adapterName = writer.adapter.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.run(query, () => this.writer.adapter.queryRaw(query));
  }
  executeRaw(query: SqlQuery) {
    // Rolled back already (see run): Prisma's ROLLBACK has nothing left to do.
    if (!this.writer.db.inTransaction && ROLLBACK.test(query.sql)) return Promise.resolve(0);
    return this.run(query, () => this.writer.adapter.executeRaw(query));
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

  private async run<T>(query: SqlQuery, statement: () => Promise<T>): Promise<T> {
    // After SQLITE_FULL or an I/O error SQLite may roll the transaction back by itself: what a
    // caller sent after catching that error would run outside any transaction, each statement
    // committed on its own, the rest of the work not. It is refused with that error instead.
    if (!this.writer.db.inTransaction) throw this.failed ?? closedUnderUs();
    try {
      return await checkedStatement(
        this.writer,
        this.owner,
        statement,
        () => COMMIT.test(query.sql) && !this.writer.db.inTransaction,
      );
    } catch (error) {
      this.failed = error;
      throw error;
    }
  }

  private end() {
    try {
      // A COMMIT that failed leaves the transaction open: never hand the writer on inside it.
      if (this.writer.db.inTransaction) this.writer.db.exec("ROLLBACK");
    } catch {
      this.owner.retire(this.writer);
    } finally {
      this.release();
    }
  }
}

function closedUnderUs() {
  return new DriverAdapterError({ kind: "TransactionAlreadyClosed", cause: "SQLite rolled the transaction back" });
}
