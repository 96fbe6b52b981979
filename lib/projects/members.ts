// Project membership: invite by email (lib/projects/invitations.ts), change role, remove. Every
// change is checked against the asker's role and recorded in AuditEvent, in one transaction.
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { ProjectRole } from "../auth/roles";
import { Email } from "../auth/users";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { audit, createInvitationIn } from "./invitations";

export function listMembers(db: Db, projectId: string) {
  return db.membership.findMany({
    where: { projectId },
    include: { user: { select: { id: true, name: true, email: true, emailVerified: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
}

/**
 * Adds a person who has an account, at once. Only the command line does this (it acts as the
 * server's administrator); owners invite (addMember).
 */
export async function addExistingUserIn(
  tx: Tx,
  actorId: string | null,
  projectId: string,
  user: { id: string; email: string },
  role: ProjectRole,
) {
  const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
  if (existing) throw new AppError("already_member");
  await tx.membership.create({ data: { projectId, userId: user.id, role } });
  await audit(tx, actorId, "member.add", projectId, user.id, { email: user.email, role });
}

export type AddMemberResult =
  | { kind: "invited"; invitationId: string; token: string }
  | { kind: "account_invited"; invitationId: string; emailConfirmed: boolean };

/**
 * Invites the person with this email. Without an account, the result carries the link's token
 * (shown once); an existing account finds the invitation on its home page after signing in.
 */
export async function addMember(
  db: Db,
  actor: Actor,
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
    if (user && (await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } }))) {
      throw new AppError("already_member");
    }
    const { invitation, token } = await createInvitationIn(tx, actor, projectId, email.data, role.data);
    return user
      ? { kind: "account_invited" as const, invitationId: invitation.id, emailConfirmed: user.emailVerified }
      : { kind: "invited" as const, invitationId: invitation.id, token };
  });
}

async function assertAnotherOwnerRemains(tx: Tx, projectId: string, userId: string) {
  const owners = await tx.membership.count({ where: { projectId, role: "owner", userId: { not: userId } } });
  if (owners === 0) throw new AppError("last_owner");
}

export async function changeMemberRole(db: Db, actor: Actor, projectId: string, userId: string, newRole: string) {
  await requireProject(db, actor, projectId, "members.manage");
  const role = ProjectRole.safeParse(newRole);
  if (!role.success) throw new AppError("invalid_input", { field: "role" });
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!membership) throw new AppError("not_found");
    if (membership.role === "owner" && role.data !== "owner") await assertAnotherOwnerRemains(tx, projectId, userId);
    await tx.membership.update({ where: { id: membership.id }, data: { role: role.data } });
    await audit(tx, actor.userId, "member.role", projectId, userId, { from: membership.role, to: role.data });
  });
}

export async function removeMember(db: Db, actor: Actor, projectId: string, userId: string) {
  await requireProject(db, actor, projectId, "members.manage");
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!membership) throw new AppError("not_found");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, projectId, userId);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, actor.userId, "member.remove", projectId, userId, { role: membership.role });
  });
}

export async function cancelInvitation(db: Db, actor: Actor, projectId: string, invitationId: string) {
  await requireProject(db, actor, projectId, "members.manage");
  await db.$transaction(async (tx) => {
    const found = await tx.invitation.findFirst({ where: { id: invitationId, projectId, acceptedAt: null } });
    if (!found) throw new AppError("not_found");
    await tx.invitation.delete({ where: { id: invitationId } });
    await audit(tx, actor.userId, "member.invite.cancel", projectId, invitationId, { email: found.email });
  });
}
