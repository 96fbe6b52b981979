// Project membership: add by email (or invite someone without an account), change role, remove.
// Every change is checked against the asker's role and recorded in AuditEvent, in one transaction.
import { randomBytes } from "node:crypto";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { ProjectRole } from "../auth/roles";
import { hashToken } from "../auth/tokens";
import { createUserIn, Email } from "../auth/users";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";

const INVITATION_DAYS = 14;

export function listMembers(db: Db, projectId: string) {
  return db.membership.findMany({
    where: { projectId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
}

export function listOpenInvitations(db: Db, projectId: string) {
  return db.invitation.findMany({
    where: { projectId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
  });
}

function audit(tx: Tx, actor: Actor | null, action: string, projectId: string, entityId: string, data: object) {
  return tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      action,
      projectId,
      entityType: "membership",
      entityId,
      data: JSON.stringify(data),
    },
  });
}

/** Adds a person who has an account. Callers check permission (the command line acts as the server's administrator). */
export async function addExistingUserIn(
  tx: Tx,
  actor: Actor | null,
  projectId: string,
  user: { id: string; email: string },
  role: ProjectRole,
) {
  const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
  if (existing) throw new AppError("already_member");
  await tx.membership.create({ data: { projectId, userId: user.id, role } });
  await audit(tx, actor, "member.add", projectId, user.id, { email: user.email, role });
}

export type AddMemberResult =
  | { kind: "added"; userId: string }
  | { kind: "invited"; invitationId: string; token: string };

/**
 * Adds the person with this email. Without an account yet, an invitation is created instead: its
 * token (shown once, stored hashed) lets them choose a name and password.
 */
export async function addMember(
  db: Db,
  actor: Actor | null,
  projectId: string,
  input: { email: string; role: string },
): Promise<AddMemberResult> {
  await requireProject(db, actor, projectId, "members.manage");
  const email = Email.safeParse(input.email);
  if (!email.success) throw new AppError("invalid_input", { field: "email" });
  const role = ProjectRole.safeParse(input.role);
  if (!role.success) throw new AppError("invalid_input", { field: "role" });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.data } });
    if (user) {
      await addExistingUserIn(tx, actor, projectId, user, role.data);
      return { kind: "added" as const, userId: user.id };
    }
    const token = randomBytes(24).toString("base64url");
    const invitation = await tx.invitation.create({
      data: {
        projectId,
        email: email.data,
        role: role.data,
        tokenHash: hashToken(token),
        invitedById: actor?.userId ?? null,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await audit(tx, actor, "member.invite", projectId, invitation.id, { email: email.data, role: role.data });
    return { kind: "invited" as const, invitationId: invitation.id, token };
  });
}

async function assertAnotherOwnerRemains(tx: Tx, projectId: string, userId: string) {
  const owners = await tx.membership.count({ where: { projectId, role: "owner", userId: { not: userId } } });
  if (owners === 0) throw new AppError("last_owner");
}

export async function changeMemberRole(
  db: Db,
  actor: Actor | null,
  projectId: string,
  userId: string,
  newRole: string,
) {
  await requireProject(db, actor, projectId, "members.manage");
  const role = ProjectRole.safeParse(newRole);
  if (!role.success) throw new AppError("invalid_input", { field: "role" });
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!membership) throw new AppError("not_found");
    if (membership.role === "owner" && role.data !== "owner") await assertAnotherOwnerRemains(tx, projectId, userId);
    await tx.membership.update({ where: { id: membership.id }, data: { role: role.data } });
    await audit(tx, actor, "member.role", projectId, userId, { from: membership.role, to: role.data });
  });
}

export async function removeMember(db: Db, actor: Actor | null, projectId: string, userId: string) {
  await requireProject(db, actor, projectId, "members.manage");
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!membership) throw new AppError("not_found");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, projectId, userId);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, actor, "member.remove", projectId, userId, { role: membership.role });
  });
}

export async function cancelInvitation(db: Db, actor: Actor | null, projectId: string, invitationId: string) {
  await requireProject(db, actor, projectId, "members.manage");
  await db.$transaction(async (tx) => {
    const found = await tx.invitation.findFirst({ where: { id: invitationId, projectId, acceptedAt: null } });
    if (!found) throw new AppError("not_found");
    await tx.invitation.delete({ where: { id: invitationId } });
    await audit(tx, actor, "member.invite.cancel", projectId, invitationId, { email: found.email });
  });
}

export async function findInvitation(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { project: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/** Creates the invited person's account and membership; the invitation works once. */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }) {
  const invitation = await findInvitation(db, token);
  if (!invitation) throw new AppError("invitation_invalid");
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("invitation_invalid");
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    // Someone who got an account meanwhile signs in normally; the invitation only adds the membership.
    const user =
      existing ?? (await createUserIn(tx, { email: invitation.email, name: input.name, password: input.password }));
    await tx.membership.upsert({
      where: { projectId_userId: { projectId: invitation.projectId, userId: user.id } },
      create: { projectId: invitation.projectId, userId: user.id, role: invitation.role },
      update: {},
    });
    await audit(tx, { userId: user.id } as Actor, "member.join", invitation.projectId, user.id, {
      role: invitation.role,
    });
    return { user, projectId: invitation.projectId, email: invitation.email };
  });
}
