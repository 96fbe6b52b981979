// Group commit for the SQLite writer (sqlite-adapter.ts). The writer syncs every commit to the disk
// before it is answered (synchronous = FULL), and better-sqlite3 waits for that fsync on the event
// loop: one commit per save stalled the whole process once saves came faster than the disk syncs.
// Here the autocommit writes that arrive in the same turn of the event loop (while the previous
// commit ran, the requests behind it piled up) are run in one BEGIN IMMEDIATE … COMMIT, so one fsync
// covers them all, and each is still its own unit:
//  - every statement runs inside a SAVEPOINT of its own: one that fails (a constraint, a trigger's
//    check) is rolled back alone and its error goes to its caller only; the others stay;
//  - nobody is answered before the COMMIT: if it fails (I/O error, disk full, read-only filesystem)
//    every statement of the batch gets that error, and none of them was written;
//  - a statement after which SQLite has rolled the whole transaction back itself (it does so on
//    SQLITE_FULL, SQLITE_IOERR …) takes the ones before it down with it: they get its error, and the
//    ones after it are queued again for the next batch;
//  - a COMMIT refused for a constraint (a deferred foreign key: our schema has none, but a statement
//    must never be refused for another's fault) is undone and each statement run again on its own.
// A lone statement runs as it always did (its own autocommit). Interactive transactions take the
// write gate for themselves, as before; a batch takes it like one of them, in arrival order.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { WriteGate } from "./write-gate";

/** Statements per transaction at most: a backlog after a long stall is committed in a few steps. */
export const MAX_BATCH = 256;

/** What the batch needs of the writer connection. */
export interface BatchWriter {
  /** Runs one statement without arguments (BEGIN, SAVEPOINT, COMMIT …), throwing as the adapter does. */
  execute(sql: string): Promise<unknown>;
  /** Whether the connection is inside a transaction now. */
  inTransaction(): boolean;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Counters for the benchmark and tests: how many statements each commit carried. */
export interface GroupCommitStats {
  commits: number;
  statements: number;
  largestBatch: number;
}

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function settle(item: Queued, outcome: Outcome) {
  if (outcome.ok) item.resolve(outcome.value);
  else item.reject(outcome.error);
}

const SAVEPOINT = "group_commit_statement";

function isConstraint(error: unknown): boolean {
  const cause = error instanceof DriverAdapterError ? error.cause : null;
  return cause !== null && "originalCode" in cause && String(cause.originalCode).startsWith("SQLITE_CONSTRAINT");
}

export class GroupCommit {
  private queue: Queued[] = [];
  /** A batch is waiting for the gate or for the end of this turn: new statements join it. */
  private collecting = false;
  readonly stats: GroupCommitStats = { commits: 0, statements: 0, largestBatch: 0 };

  constructor(
    private readonly gate: WriteGate,
    private readonly writer: BatchWriter,
  ) {}

  /** Runs one autocommit write in the next batch; settles once it is committed (or refused). */
  submit<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (this.collecting) return;
      this.collecting = true;
      void this.drain();
    });
  }

  private async drain() {
    // The gate first, so a transaction that starts after this statement arrived goes after it.
    const release = await this.gate.acquire();
    try {
      // The requests read in this turn of the event loop reach their statement before it ends.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.collecting = false;
      const batch = this.queue.splice(0, MAX_BATCH);
      // commit() settles every statement; should it throw, none may wait forever (settling twice is a no-op).
      await this.commit(batch).catch((error) => {
        for (const item of batch) item.reject(error);
      });
    } finally {
      release();
    }
    // Left over (more than a batch, or queued again): another batch, behind whoever waits for the gate.
    if (this.queue.length > 0 && !this.collecting) {
      this.collecting = true;
      void this.drain();
    }
  }

  private count(statements: number) {
    this.stats.commits++;
    this.stats.statements += statements;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, statements);
  }

  private async commit(batch: Queued[]) {
    if (batch.length === 0) return;
    if (batch.length === 1) {
      settle(batch[0], await attempt(batch[0].run));
      this.count(1);
      return;
    }
    const begun = await attempt(() => this.writer.execute("BEGIN IMMEDIATE"));
    if (!begun.ok) {
      for (const item of batch) item.reject(begun.error);
      return;
    }
    const outcomes: Outcome[] = [];
    for (const [i, item] of batch.entries()) {
      const outcome = await this.inSavepoint(item.run);
      if (!outcome.ok && (outcome.broken || !this.writer.inTransaction())) {
        // SQLite rolled the whole transaction back (or its savepoints failed): what ran before is gone.
        if (this.writer.inTransaction()) await attempt(() => this.writer.execute("ROLLBACK"));
        for (const done of batch.slice(0, i + 1)) done.reject(outcome.error);
        this.queue.unshift(...batch.slice(i + 1));
        return;
      }
      outcomes.push(outcome);
    }
    const committed = await attempt(() => this.writer.execute("COMMIT"));
    if (!committed.ok) {
      // A COMMIT that failed leaves the transaction open: nothing of it may stay.
      if (this.writer.inTransaction()) await attempt(() => this.writer.execute("ROLLBACK"));
      if (isConstraint(committed.error)) {
        for (const item of batch) await this.commit([item]);
        return;
      }
      for (const item of batch) item.reject(committed.error);
      return;
    }
    this.count(batch.length);
    for (const [i, item] of batch.entries()) settle(item, outcomes[i]);
  }

  /** The statement's outcome; `broken` when the savepoint around it failed (the batch cannot go on). */
  private async inSavepoint(run: () => Promise<unknown>): Promise<Outcome & { broken?: true }> {
    const opened = await attempt(() => this.writer.execute(`SAVEPOINT ${SAVEPOINT}`));
    if (!opened.ok) return { ...opened, broken: true };
    const outcome = await attempt(run);
    if (!this.writer.inTransaction()) return outcome;
    const closed = await attempt(async () => {
      if (!outcome.ok) await this.writer.execute(`ROLLBACK TO ${SAVEPOINT}`);
      await this.writer.execute(`RELEASE ${SAVEPOINT}`);
    });
    return closed.ok ? outcome : { ...closed, broken: true };
  }
}
