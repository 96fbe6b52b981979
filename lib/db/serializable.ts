// PostgreSQL transactions with SQLite's guarantee. On SQLite a transaction holds the one write lock
// from its start (BEGIN IMMEDIATE, sqlite-adapter.ts): whatever it read stays true until it commits,
// so code may read, decide, then write (an import re-reading the rows saved meanwhile, a counter).
// PostgreSQL's default (READ COMMITTED) would let another instance's save land between the read
// and the write and be overwritten. So on PostgreSQL every interactive transaction is SERIALIZABLE,
// and one that PostgreSQL aborts for a conflict with a concurrent write (SQLSTATE 40001, or a
// deadlock, 40P01: see isConflict) is run again from the start: it reads again what the other wrote.
// Transaction callbacks therefore must not do anything outside `tx` that cannot happen twice
// (docs/architecture.md, Databases); in this code base they only compute and write through `tx`.
import type { Db } from "./client";

/** Attempts in all; a conflict this persistent is reported, not hidden. */
const ATTEMPTS = 8;

interface ErrorShape {
  code?: string;
  name?: string;
  cause?: { kind?: string };
  meta?: { driverAdapterError?: unknown };
}

/**
 * Whether PostgreSQL aborted the work for a conflict with a concurrent transaction (SQLSTATE 40001
 * or a deadlock, 40P01; adapter-pg calls both TransactionWriteConflict). It arrives in three shapes:
 * P2034 from Prisma's own queries; P2010 from a raw statement, the driver's error in its meta; and
 * the driver's error itself (DriverAdapterError) when it is the COMMIT that fails, which is where
 * SERIALIZABLE reports most read/write dependencies (the races test's find-and-replace answered 500).
 */
export function isConflict(error: unknown): boolean {
  let e = error as ErrorShape | null | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (e.code === "P2034") return true;
    if (e.name === "DriverAdapterError" && e.cause?.kind === "TransactionWriteConflict") return true;
    e = e.meta?.driverAdapterError as ErrorShape | undefined;
  }
  return false;
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 6)));

/**
 * Runs `work` (one whole transaction: an interactive one, a batch, or a single statement outside
 * any) again from the start while PostgreSQL aborts it for a conflict, up to ATTEMPTS in all. On
 * SQLite nothing is ever a conflict, so it runs once.
 */
export async function retryConflicts<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

/** Makes `client.$transaction(fn)` serializable and re-run on a write conflict. */
export function serializableTransactions(client: Db): void {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: object) => Promise<unknown>;
  const wrapped = async (arg: unknown, options?: { isolationLevel?: string }) => {
    // A batch (an array of queries) is one statement list Prisma sends itself: its promises are
    // spent by the first run, so its caller retries it (retryConflicts, with new statements).
    if (typeof arg !== "function") return original(arg, options);
    return retryConflicts(() => original(arg, { isolationLevel: "Serializable", ...options }));
  };
  Object.defineProperty(client, "$transaction", { value: wrapped, configurable: true, writable: true });
}
