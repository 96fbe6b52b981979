// The account's own details: display name, and email address (which needs the current password,
// throttled like every other current-password check, since the address is how the account signs in
// and which invitations it may accept).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import type { Actor } from "./actor";
import { verifyCurrentPassword } from "./passwords";
import { Email, PersonName } from "./users";

export const NameInput = z.object({
  name: z
    .string()
    .trim()
    .normalize("NFC")
    .min(1, { message: "name_empty" })
    .max(120, { message: "too_long" })
    .pipe(PersonName),
});

export async function changeName(db: Db, actor: Actor, raw: unknown) {
  const { name } = parseInput(NameInput, raw);
  if (name === actor.name) return { name, changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await tx.auditEvent.create({
      data: {
        actorId: actor.userId,
        action: "user.name",
        entityType: "user",
        entityId: actor.userId,
        data: JSON.stringify({ from: actor.name, to: name }),
      },
    });
  });
  return { name, changed: true };
}

export const EmailInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "bad_email" }))
    .pipe(Email),
  currentPassword: z.string().max(256),
});

/**
 * A new sign-in address, proved by the current password. Nobody has confirmed the new address yet,
 * so unless an administrator changes their own, it counts as unconfirmed (like an account made from
 * an invitation link) until an administrator confirms it: invitations go by address, and an
 * unconfirmed one cannot accept them.
 */
export async function changeEmail(db: Db, actor: Actor, raw: unknown, address: string) {
  const { email, currentPassword } = parseInput(EmailInput, raw);
  if (email === actor.email.toLowerCase())
    throw new AppError("invalid_input", { field: "email", reason: "same_email" });
  await verifyCurrentPassword(db, actor, currentPassword, address);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) {
      throw new AppError("invalid_input", { field: "email", reason: "taken" });
    }
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { email, emailVerified: actor.isAdmin },
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.userId,
        action: "user.email",
        entityType: "user",
        entityId: actor.userId,
        data: JSON.stringify({ from: actor.email, to: email, confirmed: user.emailVerified }),
      },
    });
    return { email, confirmed: user.emailVerified };
  });
}
