// Failed sign-ins, counted per account and per address. Too many in a window locks that key for a
// while; the person is told how long. Counts live in the database so every instance shares them.
import type { Db } from "../db/client";
import { AppError } from "../errors";

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const MAX_FAILURES = { account: 5, address: 30 } as const;

const keys = (email: string, ip: string) => ({
  account: `email:${email.trim().toLowerCase()}`,
  address: `ip:${ip}`,
});

/** Throws rate_limited (with retryAfter seconds) while the account or the address is locked. */
export async function assertSignInAllowed(db: Db, email: string, ip: string, now = new Date()) {
  const k = keys(email, ip);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [k.account, k.address] } } });
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (lockedUntil > now.getTime()) {
    throw new AppError("rate_limited", { retryAfter: Math.ceil((lockedUntil - now.getTime()) / 1000) });
  }
}

export async function recordSignInFailure(db: Db, email: string, ip: string, now = new Date()) {
  const k = keys(email, ip);
  await db.$transaction(async (tx) => {
    for (const [kind, key] of [
      ["account", k.account],
      ["address", k.address],
    ] as const) {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= MAX_FAILURES[kind] ? new Date(now.getTime() + LOCK_MS) : null;
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: {
          failures: lockedUntil ? 0 : failures,
          windowStart: fresh || lockedUntil ? now : row.windowStart,
          lockedUntil,
        },
      });
    }
  });
}

export async function recordSignInSuccess(db: Db, email: string) {
  await db.signInThrottle.deleteMany({ where: { key: keys(email, "").account } });
}
