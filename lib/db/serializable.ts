// PostgreSQL transactions with SQLite's guarantee. On SQLite a transaction holds the one write lock
// from its start (BEGIN IMMEDIATE, sqlite-adapter.ts): whatever it read stays true until it commits,
// so code may read, decide, then write (an import re-reading the rows saved meanwhile, a counter).
// PostgreSQL's default (READ COMMITTED) would let another instance's save land between the read
// and the write and be overwritten. So on PostgreSQL every interactive transaction is SERIALIZABLE,
// and one that PostgreSQL aborts for a conflict with a concurrent write (SQLSTATE 40001, or a
// deadlock, 40P01: Prisma's P2034, or P2010 from a raw statement) is run again from the start: it reads again what the other wrote.
// Transaction callbacks therefore must not do anything outside `tx` that cannot happen twice
// (docs/architecture.md, Databases); in this code base they only compute and write through `tx`.
import type { Db } from "./client";

/** Attempts in all; a conflict this persistent is reported, not hidden. */
const ATTEMPTS = 8;

/**
 * P2034 from Prisma's own queries; a raw statement ($executeRaw inside the transaction) fails with
 * P2010 instead, its driver error saying TransactionWriteConflict (adapter-pg's name for both SQLSTATEs).
 */
export function isConflict(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  if (e?.code === "P2034") return true;
  return e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "TransactionWriteConflict";
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 6)));

/** Makes `client.$transaction(fn)` serializable and re-run on a write conflict. */
export function serializableTransactions(client: Db): void {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: object) => Promise<unknown>;
  const wrapped = async (arg: unknown, options?: { isolationLevel?: string }) => {
    // A batch (an array of queries) is one statement list Prisma sends itself: not re-runnable here.
    if (typeof arg !== "function") return original(arg, options);
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(arg, { isolationLevel: "Serializable", ...options });
      } catch (error) {
        if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: wrapped, configurable: true, writable: true });
}
