// Requests per API token: PARALLEL_TOKEN_RATE_PER_MINUTE (default 600, 0 turns it off) in each
// calendar minute, then 429 rate_limited with Retry-After until the minute ends. Other tokens and
// browser sessions are not affected. Counted in the database (ApiRequestCount), so every instance
// shares the count, as the sign-in throttle does. A write per request would double the writes of a
// save, so each process adds its requests in steps: at a token's first request in a minute, then
// every FLUSH_EVERY requests or FLUSH_MS, and at every request once it is near the limit. Several
// instances can overshoot by at most FLUSH_EVERY requests each, well inside the limit's purpose.
import type { Db } from "../db/client";
import { retryConflicts } from "../db/serializable";
import { AppError } from "../errors";

const WINDOW_MS = 60_000;
const FLUSH_EVERY = 20;
const FLUSH_MS = 1_000;
const DEFAULT_PER_MINUTE = 600;

export function tokenRatePerMinute(): number {
  const raw = process.env.PARALLEL_TOKEN_RATE_PER_MINUTE;
  const n = raw === undefined || raw === "" ? DEFAULT_PER_MINUTE : Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : DEFAULT_PER_MINUTE;
}

interface Local {
  window: number;
  /** The shared count as the database last answered it. */
  known: number;
  /** This process's requests being added to it now. */
  inFlight: number;
  /** This process's requests not yet added to it. */
  pending: number;
  /** How much other instances' requests have added to the count, as this process has heard so far. */
  others: number;
  lastFlush: number;
  flushing: Promise<void> | null;
}

// On globalThis: Next bundles this module more than once, and all copies must share the counts.
const shared = globalThis as unknown as { parallelTokenRates?: Map<string, Local> };
shared.parallelTokenRates ??= new Map();
const locals = shared.parallelTokenRates;

/** One flush at a time per token and process (callers wait for `flushing`). */
async function flush(db: Db, tokenHash: string, local: Local) {
  const add = local.pending;
  local.pending = 0;
  local.inFlight += add;
  local.lastFlush = Date.now();
  try {
    // One statement (INSERT … ON CONFLICT), its own transaction: run again whole should PostgreSQL abort it.
    const row = await retryConflicts(() =>
      db.apiRequestCount.upsert({
        where: { tokenHash_window: { tokenHash, window: local.window } },
        create: { tokenHash, window: local.window, count: add },
        update: { count: { increment: add } },
      }),
    );
    local.others += row.count - local.known - add;
    local.known = row.count;
    // The first request of a token's minute clears the minutes before it.
    if (row.count === add) await db.apiRequestCount.deleteMany({ where: { tokenHash, window: { lt: local.window } } });
  } finally {
    local.inFlight -= add;
  }
}

/** Counts one request with the token whose hash is given; throws rate_limited over the limit. */
export async function countTokenRequest(db: Db, tokenHash: string, now = Date.now()): Promise<void> {
  const limit = tokenRatePerMinute();
  if (limit === 0) return;
  const window = Math.floor(now / WINDOW_MS);
  let local = locals.get(tokenHash);
  if (!local || local.window !== window) {
    if (locals.size > 10_000) locals.clear();
    local = { window, known: 0, inFlight: 0, pending: 0, others: 0, lastFlush: 0, flushing: null };
    locals.set(tokenHash, local);
  }
  local.pending++;
  // This request's place in the minute's count: every request before it, whether added to the
  // database, being added or not yet; plus what other instances turn out to have added meanwhile.
  const place = local.known + local.inFlight + local.pending;
  const othersBefore = local.others;
  // A request that waited for another's flush looks again: requests that queued up behind one flush
  // (many at once, as on PostgreSQL, where the flush does not block the process) are added in the
  // next, or the database would never hear of them and another instance would let the token on.
  if (local.flushing) await local.flushing;
  const near = local.known + local.inFlight + local.pending > limit - FLUSH_EVERY;
  if (local.flushing) await local.flushing;
  else if (
    local.pending > 0 &&
    (local.lastFlush === 0 || near || local.pending >= FLUSH_EVERY || now - local.lastFlush >= FLUSH_MS)
  ) {
    const current = local;
    current.flushing = flush(db, tokenHash, current).finally(() => {
      current.flushing = null;
    });
    await current.flushing;
  }
  if (place + local.others - othersBefore > limit) {
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    throw new AppError("rate_limited", { retryAfter, reason: "token_rate", limit });
  }
}

/** Forgets this process's counts, as a freshly started instance has none (the database keeps them). */
export function forgetLocalTokenCounts() {
  locals.clear();
}
