// The current password as proof (account page: new API tokens, a new password) and setting a new
// one. A new password ends the account's other sessions and revokes its API tokens: whoever knew
// the old password may have made either.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { MIN_PASSWORD_LENGTH } from "./constants";
import { reserveAttempt } from "./throttle";
import { createApiToken, forgetCachedTokens } from "./tokens";
import { Password } from "./users";

/**
 * Refuses unless `password` is the signed-in person's own. Guesses count against the same throttle
 * as sign-ins (lib/auth/throttle.ts): a stolen session is no way around it.
 */
export async function verifyCurrentPassword(db: Db, actor: Actor, password: string, address: string) {
  // A token is a credential of its own; only a person at a signed-in browser proves a password.
  if (actor.via !== "session") throw new AppError("forbidden", { reason: "session_only" });
  const attempt = await reserveAttempt(db, actor.email, address);
  const credential = await db.account.findFirst({ where: { userId: actor.userId, providerId: "credential" } });
  const right = credential?.password
    ? await verifyPassword({ hash: credential.password, password }).catch(() => false)
    : false;
  if (!right) throw new AppError("invalid_credentials", { reason: "wrong_current_password" });
  await attempt.succeeded();
}

/** A personal API token, for the signed-in person who typed their current password. */
export async function createTokenWithPassword(
  db: Db,
  actor: Actor,
  input: { name: string; currentPassword: string; address: string },
) {
  await verifyCurrentPassword(db, actor, input.currentPassword, input.address);
  return createApiToken(db, actor.userId, input.name);
}

/** What a new password would end: the other sessions and the API tokens (the account page lists them first). */
export async function whatANewPasswordEnds(db: Db, userId: string, currentSessionToken: string | null) {
  const [sessions, tokens] = await Promise.all([
    db.session.findMany({
      where: {
        userId,
        expiresAt: { gt: new Date() },
        ...(currentSessionToken ? { NOT: { token: currentSessionToken } } : {}),
      },
      select: { id: true, createdAt: true, userAgent: true, ipAddress: true },
      orderBy: { createdAt: "desc" },
    }),
    db.apiToken.findMany({
      where: { userId, revokedAt: null },
      select: { id: true, name: true, prefix: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { sessions, tokens };
}

/**
 * Sets `userId`'s password, ends every session but `keepSessionToken` and revokes every API token,
 * in one transaction. `actorId` is who did it (null: the command line).
 */
export async function setPassword(
  db: Db,
  userId: string,
  password: string,
  options: { keepSessionToken?: string | null; actorId: string | null },
) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError("password_too_short");
  if (!Password.safeParse(password).success) throw new AppError("invalid_input", { field: "password" });
  // Hashing is slow on purpose: done before the transaction, which then only writes.
  const hash = await hashPassword(password);
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({
      where: { userId, providerId: "credential" },
      data: { password: hash },
    });
    if (updated.count === 0) throw new AppError("not_found", { field: "email" });
    const keep = options.keepSessionToken;
    const sessions = await tx.session.deleteMany({ where: { userId, ...(keep ? { NOT: { token: keep } } : {}) } });
    const tokens = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { tokenHash: true } });
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditEvent.create({
      data: {
        actorId: options.actorId,
        action: "user.password",
        entityType: "user",
        entityId: userId,
        data: JSON.stringify({ sessionsEnded: sessions.count, tokensRevoked: tokens.length }),
      },
    });
    return { sessionsEnded: sessions.count, tokenHashes: tokens.map((t) => t.tokenHash) };
  });
  forgetCachedTokens(result.tokenHashes);
  return { sessionsEnded: result.sessionsEnded, tokensRevoked: result.tokenHashes.length };
}

/** The account page: the current password, then the new one; this browser stays signed in. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; address: string; sessionToken: string | null },
) {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError("password_too_short");
  await verifyCurrentPassword(db, actor, input.currentPassword, input.address);
  return setPassword(db, actor.userId, input.newPassword, {
    keepSessionToken: input.sessionToken,
    actorId: actor.userId,
  });
}
