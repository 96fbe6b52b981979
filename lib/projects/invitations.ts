// Invitations to a project. Nobody becomes a member only because an owner typed their address:
//  - someone without an account gets a one-time link (shown once, stored hashed) to choose a name
//    and password; that account's address counts as "not confirmed" (whoever had the link chose it)
//    until an administrator confirms it (`npm run parallel -- user confirm --email E`);
//  - an existing account sees the invitation on its home page after signing in and accepts or
//    declines it there; an account whose address is not confirmed cannot accept, so an account made
//    under someone else's address never collects that person's later invitations.
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { ProjectRole } from "../auth/roles";
import { hashToken } from "../auth/tokens";
import { checkNewUser, createUserIn } from "../auth/users";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";

const INVITATION_DAYS = 14;

/** A membership change in AuditEvent; `actorId` null for the command line, which acts as the server's administrator. */
export function audit(
  tx: Tx,
  actorId: string | null,
  action: string,
  projectId: string,
  entityId: string,
  data: object,
) {
  return tx.auditEvent.create({
    data: { actorId, action, projectId, entityType: "membership", entityId, data: JSON.stringify(data) },
  });
}

/** A new invitation; an open one for the same address and project is replaced (its link stops working). */
export async function createInvitationIn(tx: Tx, actor: Actor, projectId: string, email: string, role: ProjectRole) {
  await tx.invitation.deleteMany({ where: { projectId, email, acceptedAt: null } });
  const token = randomBytes(24).toString("base64url");
  const invitation = await tx.invitation.create({
    data: {
      projectId,
      email,
      role,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    },
  });
  await audit(tx, actor.userId, "member.invite", projectId, invitation.id, { email, role });
  return { invitation, token };
}

const open = () => ({ acceptedAt: null, expiresAt: { gt: new Date() } });

/** The owner's list: open invitations, and whether each address already has an account (confirmed or not). */
export async function listOpenInvitations(db: Db, projectId: string) {
  const invitations = await db.invitation.findMany({
    where: { projectId, ...open() },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
  });
  const accounts = await db.user.findMany({
    where: { email: { in: invitations.map((i) => i.email) } },
    select: { email: true, emailVerified: true },
  });
  const byEmail = new Map(accounts.map((a) => [a.email, a.emailVerified]));
  return invitations.map((i) => ({
    ...i,
    account: byEmail.has(i.email) ? { confirmed: byEmail.get(i.email) === true } : null,
  }));
}

/** The invitations waiting for the signed-in person (home page). */
export function listInvitationsFor(db: Db, actor: Actor) {
  return db.invitation.findMany({
    where: { email: actor.email.toLowerCase(), ...open() },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      project: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/** The asker's own open invitation, or not_found (someone else's leaves no trace). */
async function ownInvitation(tx: Tx, actor: Actor, invitationId: string) {
  const invitation = await tx.invitation.findFirst({
    where: { id: invitationId, email: actor.email.toLowerCase(), ...open() },
  });
  if (!invitation) throw new AppError("not_found");
  return invitation;
}

/** The signed-in invitee joins the project with the invited role. */
export async function acceptInvitation(db: Db, actor: Actor, invitationId: string) {
  return db.$transaction(async (tx) => {
    const invitation = await ownInvitation(tx, actor, invitationId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
    if (!user.emailVerified) throw new AppError("address_not_confirmed");
    // Claimed once, even if the same invitation is accepted twice at the same moment.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("not_found");
    const { projectId, role } = invitation;
    const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    if (!existing) await tx.membership.create({ data: { projectId, userId: user.id, role } });
    await audit(tx, user.id, "member.join", projectId, user.id, { role, invitationId: invitation.id });
    return { projectId };
  });
}

export async function declineInvitation(db: Db, actor: Actor, invitationId: string) {
  await db.$transaction(async (tx) => {
    const invitation = await ownInvitation(tx, actor, invitationId);
    await tx.invitation.delete({ where: { id: invitation.id } });
    await audit(tx, actor.userId, "member.invite.decline", invitation.projectId, invitation.id, {
      email: invitation.email,
    });
  });
}

/** An open invitation by its link's token, or null. */
export async function findInvitation(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { project: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/**
 * The link for someone without an account: creates it (address not confirmed) and the membership,
 * once. When the address has an account by now, the link does nothing for it: that account accepts
 * from its home page after signing in (invitation_for_account).
 */
export async function acceptInvitationLink(db: Db, token: string, input: { name: string; password: string }) {
  const invitation = await findInvitation(db, token);
  if (!invitation) throw new AppError("invitation_invalid");
  // Checked and hashed before the transaction (hashing is slow on purpose), which then only writes.
  const newUser = await checkNewUser({
    email: invitation.email,
    name: input.name,
    password: input.password,
    emailConfirmed: false,
  });
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: invitation.email } })) {
      throw new AppError("invitation_invalid", { reason: "invitation_for_account" });
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("invitation_invalid");
    const user = await createUserIn(tx, newUser);
    await tx.membership.create({ data: { projectId: invitation.projectId, userId: user.id, role: invitation.role } });
    await audit(tx, user.id, "member.join", invitation.projectId, user.id, { role: invitation.role, by: "link" });
    return { user, projectId: invitation.projectId, email: invitation.email };
  });
}
