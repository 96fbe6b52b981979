// Accounts created by us (setup, invitations, the command line), with better-auth's own password
// hash so better-auth can verify them at sign-in.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { DatabaseSetupError } from "../db/errors";
import { AppError } from "../errors";
import { MIN_PASSWORD_LENGTH } from "./constants";
import { spendSetupCode } from "./setup-code";

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const Password = z.string().min(MIN_PASSWORD_LENGTH).max(256);
export const PersonName = z.string().trim().min(1).max(120);

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
  /**
   * Whether the email is known to be theirs (default yes: setup, an administrator). An account made
   * through an invitation link is not: whoever had the link chose it, until an admin confirms it.
   */
  emailConfirmed?: boolean;
}

/** A new account, checked and its password hashed: the slow part, done before any transaction. */
export interface CheckedUser {
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
  emailConfirmed: boolean;
}

export async function checkNewUser(input: NewUser): Promise<CheckedUser> {
  const email = Email.safeParse(input.email);
  if (!email.success) throw new AppError("invalid_input", { field: "email" });
  const name = PersonName.safeParse(input.name);
  if (!name.success) throw new AppError("invalid_input", { field: "name" });
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError("password_too_short");
  if (input.password.length > 256) throw new AppError("invalid_input", { field: "password" });
  // Hashing is deliberately slow (tens of ms): never while a transaction holds the write lock.
  return {
    email: email.data,
    name: name.data,
    passwordHash: await hashPassword(input.password),
    isAdmin: input.isAdmin ?? false,
    emailConfirmed: input.emailConfirmed ?? true,
  };
}

export async function createUserIn(tx: Tx, input: CheckedUser) {
  if (await tx.user.findUnique({ where: { email: input.email } })) {
    throw new AppError("invalid_input", { field: "email", reason: "taken" });
  }
  const id = randomUUID();
  const user = await tx.user.create({
    data: { id, email: input.email, name: input.name, isAdmin: input.isAdmin, emailVerified: input.emailConfirmed },
  });
  await tx.account.create({
    data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: input.passwordHash },
  });
  await tx.auditEvent.create({
    data: {
      actorId: null,
      action: "user.create",
      entityType: "user",
      entityId: id,
      data: JSON.stringify({ email: input.email, isAdmin: user.isAdmin, emailConfirmed: user.emailVerified }),
    },
  });
  return user;
}

export async function createUser(db: Db, input: NewUser) {
  const checked = await checkNewUser(input);
  return db.$transaction((tx) => createUserIn(tx, checked));
}

export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/** Projects nobody owns (the demo, on first start) go to the first owner. */
export async function adoptOrphanProjects(tx: Tx, userId: string) {
  const orphans = await tx.project.findMany({
    where: { memberships: { none: { role: "owner" } } },
    select: { id: true },
  });
  for (const { id } of orphans) {
    await tx.membership.upsert({
      where: { projectId_userId: { projectId: id, userId } },
      create: { projectId: id, userId, role: "owner" },
      update: { role: "owner" },
    });
    await tx.project.update({ where: { id }, data: { createdById: userId } });
    await tx.auditEvent.create({
      data: {
        actorId: userId,
        action: "member.add",
        projectId: id,
        entityType: "membership",
        entityId: userId,
        data: JSON.stringify({ role: "owner", reason: "first owner" }),
      },
    });
  }
}

/** The first account: site administrator and owner of every project so far. Only while no user exists. */
export async function createFirstOwner(db: Db, input: Omit<NewUser, "isAdmin">) {
  if ((await db.user.count()) > 0) throw new AppError("setup_done");
  const checked = await checkNewUser({ ...input, isAdmin: true });
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new AppError("setup_done");
    const user = await createUserIn(tx, checked);
    await adoptOrphanProjects(tx, user.id);
    await spendSetupCode(tx);
    return user;
  });
}

/** ADMIN_EMAIL + ADMIN_PASSWORD create the first owner on start, for servers set up without a browser. */
export async function ensureFirstOwnerFromEnv(db: Db): Promise<boolean> {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return false;
  if ((await db.user.count()) > 0) return false;
  try {
    await createFirstOwner(db, { email, password, name: process.env.ADMIN_NAME || email.split("@")[0] });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const why =
      error.code === "password_too_short"
        ? `ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`
        : `ADMIN_EMAIL "${email}" is not a valid email address`;
    throw new DatabaseSetupError("bad_admin", `${why}. Fix it, or unset both to create the owner at /setup.`);
  }
  return true;
}

/** An administrator vouches that the account's email address belongs to its holder. */
export async function confirmEmail(db: Db, email: string, actorId: string | null) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    if (!user) throw new AppError("not_found", { field: "email" });
    if (user.emailVerified) return { user, changed: false };
    const updated = await tx.user.update({ where: { id: user.id }, data: { emailVerified: true } });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: "user.confirm",
        entityType: "user",
        entityId: user.id,
        data: JSON.stringify({ email: user.email }),
      },
    });
    return { user: updated, changed: true };
  });
}
