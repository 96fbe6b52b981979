// Password guesses (sign-in, the current password on the account page, the setup code), counted in
// the database so every instance shares the counts. Three counters, each with its own rule:
//  - one account from one address: 5 failures in 15 minutes, then that pair waits out the window;
//  - one address, whatever the account: 30 failures in 15 minutes (someone trying many accounts);
//  - one account from anywhere: 10 failures in an hour freely, then each further attempt waits
//    after the one before it, 1 s, 2 s, 4 s … at most 5 minutes.
// Someone guessing from one address therefore locks only their own pair, never the real person
// signing in from elsewhere; many addresses together slow the account down without locking it.
//
// An attempt is counted *before* the password is checked (reserveAttempt) and given back only when
// it succeeds, so parallel guesses cannot all slip through while the first is being checked. Each
// counter changes by compare-and-set on its whole row, which stays correct with several requests,
// processes or instances at once and needs no transaction.
import { isIP } from "node:net";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError } from "../errors";

const MINUTE = 60_000;

interface Rule {
  windowMs: number;
  /** Failures in a window after which further attempts wait for the window to end. */
  max?: number;
  /** How long the attempt after the n-th failure must wait (ms), for counters that slow down instead. */
  delayAfter?: (failures: number) => number;
}

export const THROTTLE = {
  pair: { max: 5, windowMs: 15 * MINUTE },
  address: { max: 30, windowMs: 15 * MINUTE },
  account: { free: 10, windowMs: 60 * MINUTE, firstDelayMs: 1_000, maxDelayMs: 5 * MINUTE },
} as const;

const rules: Record<keyof typeof THROTTLE, Rule> = {
  pair: THROTTLE.pair,
  address: THROTTLE.address,
  account: {
    windowMs: THROTTLE.account.windowMs,
    delayAfter: (n) =>
      n < THROTTLE.account.free
        ? 0
        : Math.min(THROTTLE.account.maxDelayMs, THROTTLE.account.firstDelayMs * 2 ** (n - THROTTLE.account.free)),
  },
};

/** Compare-and-set retries before giving up for now (only under heavy contention on one key). */
const MAX_TRIES = 25;

/** IPv6 addresses are counted by /64: one connection usually holds a whole /64 to choose from. */
export function addressKey(address: string): string {
  if (isIP(address) !== 6 || address.includes(".")) return address;
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}

function keysFor(account: string, address: string) {
  const who = account.trim().toLowerCase();
  const where = addressKey(address);
  return { pair: `pair:${who}|${where}`, address: `ip:${where}`, account: `email:${who}` };
}

/** Counts one attempt on `key`; null when counted, else how many ms until an attempt is allowed. */
async function reserve(db: Db, key: string, rule: Rule, now: number): Promise<number | null> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    const expired = !row || now - row.windowStart.getTime() >= rule.windowMs;
    const failures = expired ? 0 : row.failures;
    const windowStart = expired ? now : row.windowStart.getTime();
    if (rule.max !== undefined && failures >= rule.max) return windowStart + rule.windowMs - now;
    const notBefore = expired ? 0 : (row.lockedUntil?.getTime() ?? 0);
    if (notBefore > now) return notBefore - now;
    const wait = rule.delayAfter?.(failures + 1) ?? 0;
    const data = {
      failures: failures + 1,
      windowStart: new Date(windowStart),
      lockedUntil: wait > 0 ? new Date(now + wait) : null,
    };
    if (!row) {
      try {
        await db.signInThrottle.create({ data: { key, ...data } });
        return null;
      } catch (error) {
        if (isUniqueViolation(error)) continue; // someone else counted first: read again
        throw error;
      }
    }
    // Only if nobody changed the row since it was read; otherwise read again and decide again.
    const { count } = await db.signInThrottle.updateMany({
      where: { key, failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil },
      data,
    });
    if (count === 1) return null;
  }
  return 1_000;
}

/** Gives back an attempt that turned out right. */
async function giveBack(db: Db, key: string) {
  await db.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export interface Attempt {
  /** The password was right: the attempt is not a failure, and this address is in good standing. */
  succeeded(): Promise<void>;
}

/**
 * Counts a guess at `account`'s secret from `address` before it is checked. Throws rate_limited
 * (details.retryAfter in seconds) when a counter says wait; a wrong guess needs nothing more.
 */
export async function reserveAttempt(db: Db, account: string, address: string, at = new Date()): Promise<Attempt> {
  const keys = keysFor(account, address);
  const now = at.getTime();
  const counted: string[] = [];
  // In this order: a pair that is locked out never touches the account's own counter.
  for (const kind of ["pair", "address", "account"] as const) {
    const waitMs = await reserve(db, keys[kind], rules[kind], now);
    if (waitMs !== null) {
      for (const key of counted) await giveBack(db, key);
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError("rate_limited", { retryAfter, ...(retryAfter < 60 ? { reason: "retry_in_seconds" } : {}) });
    }
    counted.push(keys[kind]);
  }
  return {
    async succeeded() {
      await db.signInThrottle.deleteMany({ where: { key: keys.pair } });
      await giveBack(db, keys.address);
      await giveBack(db, keys.account);
    },
  };
}
