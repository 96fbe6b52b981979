// Rows made on first use (a project's working memory, the setup code, the signing secret), which two
// requests or two instances starting together may both make at the same moment. Prisma's upsert is
// a look, then an insert: outside a transaction on PostgreSQL the second of two at once fails on
// the unique key (P2002) instead of finding the first's row (found by tests/reliability/first-use.test.ts).
// Inside a transaction no catch could help (PostgreSQL has aborted it), and none is needed: there a
// serializable transaction that looked first is aborted for the conflict and run again (serializable.ts).
import { isUniqueViolation } from "./errors";

/** `upsert`, or, when another made the row meanwhile, `read` (what the other wrote). */
export async function upsertOnce<T>(upsert: () => Promise<T>, read: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return read();
  }
}
