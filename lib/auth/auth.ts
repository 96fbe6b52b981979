// better-auth: password hashing, sessions and their httpOnly cookies. Only used server-side
// (server actions and getSession); no better-auth HTTP endpoint is exposed, so every sign-in goes
// through our own throttle (lib/auth/throttle.ts).
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { type Db, getDb, providerOf } from "../db/client";
import { upsertOnce } from "../db/upsert-once";
import { CLIENT_ADDRESS_HEADER } from "../server/client-address";
import { MIN_PASSWORD_LENGTH } from "./constants";

export { MIN_PASSWORD_LENGTH };

const SECRET_KEY = "auth.secret";

/**
 * The signing secret: BETTER_AUTH_SECRET if set, else one generated on first use and kept in the
 * database, so every instance sharing the database signs alike and restarts keep people signed in.
 */
async function authSecret(db: Db): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const existing = await db.appSetting.findUnique({ where: { key: SECRET_KEY } });
  if (existing) return existing.value;
  const value = randomBytes(32).toString("base64url");
  // Two instances starting at once: the first write wins and both read it back.
  await upsertOnce(
    () => db.appSetting.upsert({ where: { key: SECRET_KEY }, create: { key: SECRET_KEY, value }, update: {} }),
    async () => null,
  );
  return (await db.appSetting.findUniqueOrThrow({ where: { key: SECRET_KEY } })).value;
}

function createAuth(db: Db, secret: string) {
  const baseURL = process.env.PARALLEL_URL || `http://localhost:${process.env.PORT || 3000}`;
  return betterAuth({
    appName: "Parallel",
    baseURL,
    secret,
    database: prismaAdapter(db, { provider: providerOf(db) === "postgres" ? "postgresql" : "sqlite" }),
    emailAndPassword: {
      enabled: true,
      // Accounts come only from first-start setup, an owner's invitation, or an administrator.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    user: { additionalFields: { isAdmin: { type: "boolean", input: false, defaultValue: false } } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "parallel",
      useSecureCookies: baseURL.startsWith("https:"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The address the production server read from the socket (lib/server/client-address.ts),
      // not X-Forwarded-For, which any client can write. Shown in the account page's session list.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // Every wrong password would be a warning; the throttle counts them (lib/auth/throttle.ts).
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { parallelAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  cache.parallelAuth ??= (async () => {
    const db = getDb();
    return createAuth(db, await authSecret(db));
  })();
  return cache.parallelAuth;
}
