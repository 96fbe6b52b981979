// Personal API tokens for `Authorization: Bearer`. Only the SHA-256 is stored: a token is random
// (256 bits), so a fast hash is enough and lookup is one indexed read.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";

const PREFIX = "pl_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(db: Db, userId: string, name: string) {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        name: name.trim().slice(0, 100) || "API token",
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
      },
    });
    await tx.auditEvent.create({
      data: { actorId: userId, action: "token.create", entityType: "api_token", entityId: created.id },
    });
    return created;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, token };
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string) {
  const tokenHash = await db.$transaction(async (tx) => {
    const found = await tx.apiToken.findFirst({ where: { id: tokenId, userId, revokedAt: null } });
    if (!found) throw new AppError("not_found");
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await tx.auditEvent.create({
      data: { actorId: userId, action: "token.revoke", entityType: "api_token", entityId: tokenId },
    });
    return found.tokenHash;
  });
  // After the commit: forgotten inside the transaction, a request in between read the token as
  // not revoked yet (the revocation was not committed) and cached it again for CACHE_MS.
  forgetCachedTokens([tokenHash]);
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

// Tokens seen in the last few seconds: a script saving every paragraph should not pay a lookup per
// save. Revoking clears this process's cache at once; other instances notice within CACHE_MS.
const CACHE_MS = 5_000;
const CACHE_MAX = 5_000;
type TokenUser = NonNullable<Awaited<ReturnType<typeof lookUp>>>;
// On globalThis: Next bundles this module more than once (pages, routes, the fast save path), and a
// revoke in one copy must clear the cache the others read.
const shared = globalThis as unknown as { parallelTokenCache?: Map<string, { row: TokenUser; until: number }> };
shared.parallelTokenCache ??= new Map();
const recent = shared.parallelTokenCache;

/** Revoked tokens stop working in this process at once (other instances: within CACHE_MS). */
export function forgetCachedTokens(tokenHashes: string[]) {
  for (const hash of tokenHashes) recent.delete(hash);
}

function lookUp(db: Db, tokenHash: string) {
  return db.apiToken.findUnique({ where: { tokenHash }, include: { user: true } });
}

/** The user a bearer token belongs to, or null when unknown or revoked. */
export async function userForToken(db: Db, token: string) {
  if (!token.startsWith(PREFIX)) return null;
  const tokenHash = hashToken(token);
  const cached = recent.get(tokenHash);
  if (cached && cached.until > Date.now()) return cached.row.user;
  const row = await lookUp(db, tokenHash);
  if (!row || row.revokedAt) {
    recent.delete(tokenHash);
    return null;
  }
  if (recent.size >= CACHE_MAX) recent.clear();
  recent.set(tokenHash, { row, until: Date.now() + CACHE_MS });
  // Touch lastUsedAt at most once a minute: a token used for every save must not write every time.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
