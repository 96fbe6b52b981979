// First start without ADMIN_EMAIL: /setup creates the administrator only for someone who can read
// the server's console, where `npm start` prints a one-time code. Otherwise whoever reached a fresh
// server first would own it. The code lives in the database (AppSetting), so a restart prints the
// same one and every instance accepts it; it is deleted with the first account.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { DatabaseSetupError } from "../db/errors";
import { upsertOnce } from "../db/upsert-once";
import { AppError } from "../errors";
import { reserveAttempt } from "./throttle";

const SETUP_CODE_KEY = "setup.code";
// Crockford's base32: no I, L, O or U to misread. 12 characters = 60 bits.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;
const MIN_FIXED_LENGTH = 8;

/** What people type: case, spaces and dashes do not matter. */
export function normalizeSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, "");
}

function readable(code: string): string {
  return /^[0-9A-Z]{12}$/.test(code) ? code.replace(/(.{4})(?=.)/g, "$1-") : code;
}

function randomCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * The code to print while no account exists (null once one does). PARALLEL_SETUP_CODE fixes it, for
 * automated first starts (tests, provisioning); otherwise one is made once and kept.
 */
export async function ensureSetupCode(db: Db, fixed = process.env.PARALLEL_SETUP_CODE): Promise<string | null> {
  if ((await db.user.count()) > 0) {
    await db.appSetting.deleteMany({ where: { key: SETUP_CODE_KEY } });
    return null;
  }
  if (fixed !== undefined && fixed !== "") {
    const value = normalizeSetupCode(fixed);
    if (value.length < MIN_FIXED_LENGTH) {
      throw new DatabaseSetupError(
        "bad_setup_code",
        `PARALLEL_SETUP_CODE must have at least ${MIN_FIXED_LENGTH} letters or digits. Fix it, or unset it to get a random code.`,
      );
    }
    // Two instances starting at once with the same code: either write is the code.
    await upsertOnce(
      () =>
        db.appSetting.upsert({
          where: { key: SETUP_CODE_KEY },
          create: { key: SETUP_CODE_KEY, value },
          update: { value },
        }),
      async () => null,
    );
    return fixed.trim();
  }
  // Two instances starting at once: the first write wins and both read it back.
  await upsertOnce(
    () =>
      db.appSetting.upsert({
        where: { key: SETUP_CODE_KEY },
        create: { key: SETUP_CODE_KEY, value: randomCode() },
        update: {},
      }),
    async () => null,
  );
  return readable((await db.appSetting.findUniqueOrThrow({ where: { key: SETUP_CODE_KEY } })).value);
}

/** The console lines for a fresh server, or none once an account exists. */
export function setupCodeLines(code: string | null, url: string): string[] {
  if (!code) return [];
  return [
    "No account exists yet. To create the administrator, open",
    `  ${url}/setup`,
    `and enter this one-time setup code: ${code}`,
  ];
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Refuses a wrong setup code (setup_code_invalid). Guesses are throttled per address like sign-ins,
 * under one pseudo-account, so a code cannot be found by trying.
 */
export async function assertSetupCode(db: Db, typed: string, address: string) {
  const attempt = await reserveAttempt(db, "setup-code", address);
  const stored = await db.appSetting.findUnique({ where: { key: SETUP_CODE_KEY } });
  if (!stored) {
    // No code yet (a server that was not started with `npm start`): make one and show it there.
    const code = await ensureSetupCode(db);
    for (const line of setupCodeLines(code, "this server")) console.log(line);
    throw new AppError("setup_code_invalid");
  }
  if (!timingSafeEqual(digest(normalizeSetupCode(typed)), digest(stored.value)))
    throw new AppError("setup_code_invalid");
  await attempt.succeeded();
}

/** With the first account, the code is spent. */
export async function spendSetupCode(tx: Tx) {
  await tx.appSetting.deleteMany({ where: { key: SETUP_CODE_KEY } });
}
