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
  await db.$transaction(async (tx) => {
    const found = await tx.apiToken.findFirst({ where: { id: tokenId, userId, revokedAt: null } });
    if (!found) throw new AppError("not_found");
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await tx.auditEvent.create({
      data: { actorId: userId, action: "token.revoke", entityType: "api_token", entityId: tokenId },
    });
  });
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** The user a bearer token belongs to, or null when unknown or revoked. */
export async function userForToken(db: Db, token: string) {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt) return null;
  // Touch lastUsedAt at most once a minute: a token used for every save must not write every time.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
