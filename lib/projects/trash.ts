// A project's archive and trash. Archived: read-only for everyone (lib/auth/access.ts), listed apart
// on the home page, taken out again by an owner. Deleted: in the trash, out of sight of everyone but
// its owners and site administrators, who may restore it in one step; "delete forever" needs the
// project's name typed, and otherwise the purge removes it after PARALLEL_TRASH_DAYS. Nothing is
// removed from the database before one of those two.

import { auditIn } from "../audit/record";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { ProjectRole } from "../auth/roles";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { purgeDate } from "../trash/retention";

const fact = (action: string, projectId: string, data: object = {}) =>
  ({ action, projectId, entityType: "project", entityId: projectId, data }) as const;

export async function setArchived(db: Db, actor: Actor, projectId: string, archived: boolean) {
  await requireProject(db, actor, projectId, "project.archive");
  await db.$transaction((tx) => setArchivedIn(tx, actor.userId, projectId, archived));
}

export async function setArchivedIn(tx: Tx, actorId: string | null, projectId: string, archived: boolean) {
  const { count } = await tx.project.updateMany({
    where: { id: projectId, archivedAt: archived ? null : { not: null } },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (count > 0) await auditIn(tx, actorId, fact(archived ? "project.archive" : "project.unarchive", projectId));
  return count > 0;
}

export async function trashProject(db: Db, actor: Actor, projectId: string) {
  await requireProject(db, actor, projectId, "project.delete");
  return db.$transaction((tx) => trashProjectIn(tx, actor.userId, projectId));
}

/** Returns when it goes for good. */
export async function trashProjectIn(tx: Tx, actorId: string | null, projectId: string): Promise<Date> {
  const deletedAt = new Date();
  await tx.project.update({ where: { id: projectId }, data: { deletedAt, deletedById: actorId } });
  await auditIn(tx, actorId, fact("project.delete", projectId));
  return purgeDate(deletedAt);
}

/**
 * A project in the trash, for someone who may see it there: its owners and site administrators.
 * Everyone else gets not_found, as for a project that does not exist.
 */
export async function requireTrashedProject(db: Db, actor: Actor, projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project?.deletedAt) throw new AppError("not_found");
  if (actor.isAdmin) return project;
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: actor.userId } },
  });
  if (!membership || ProjectRole.catch("viewer").parse(membership.role) !== "owner") throw new AppError("not_found");
  return project;
}

/**
 * "Restore": out of the trash when it is there (as it was: an archived project comes back archived),
 * otherwise out of the archive. Returns what it did.
 */
export async function restoreProject(db: Db, actor: Actor, projectId: string): Promise<"trash" | "archive" | null> {
  const raw = await db.project.findUnique({ where: { id: projectId }, select: { deletedAt: true } });
  if (raw?.deletedAt) {
    await requireTrashedProject(db, actor, projectId);
    await db.$transaction((tx) => restoreProjectIn(tx, actor.userId, projectId));
    return "trash";
  }
  await requireProject(db, actor, projectId, "project.archive");
  return (await db.$transaction((tx) => setArchivedIn(tx, actor.userId, projectId, false))) ? "archive" : null;
}

export async function restoreProjectIn(tx: Tx, actorId: string | null, projectId: string) {
  await tx.project.update({ where: { id: projectId }, data: { deletedAt: null, deletedById: null } });
  await auditIn(tx, actorId, fact("project.restore", projectId));
}

/** Deletes a project in the trash for good; `confirmName` must be its name exactly, as typed. */
export async function purgeProject(db: Db, actor: Actor, projectId: string, confirmName: unknown) {
  const project = await requireTrashedProject(db, actor, projectId);
  assertNameTyped(project.name, confirmName);
  await db.$transaction((tx) => purgeProjectIn(tx, actor.userId, projectId, project.name));
}

export function assertNameTyped(name: string, typed: unknown) {
  if (typeof typed !== "string" || typed.trim().normalize("NFC") !== name) {
    throw new AppError("invalid_input", { field: "confirmName", reason: "name_mismatch" });
  }
}

export async function purgeProjectIn(tx: Tx, actorId: string | null, projectId: string, name: string) {
  // The database cascades: documents, paragraphs, translations, history, notes, memberships.
  await tx.project.delete({ where: { id: projectId } });
  await auditIn(tx, actorId, fact("project.purge", projectId, { name }));
}

/** The projects in the trash this person may see there, newest first, with when each goes for good. */
export async function listTrashedProjects(db: Db, actor: Actor) {
  const projects = await db.project.findMany({
    where: {
      deletedAt: { not: null },
      ...(actor.isAdmin ? {} : { memberships: { some: { userId: actor.userId, role: "owner" } } }),
    },
    orderBy: { deletedAt: "desc" },
    select: {
      id: true,
      name: true,
      deletedAt: true,
      deletedBy: { select: { id: true, name: true } },
      _count: { select: { documents: { where: { binOfId: null } } } },
    },
  });
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    deletedAt: p.deletedAt as Date,
    deletedBy: p.deletedBy,
    purgeAt: purgeDate(p.deletedAt as Date),
    documents: p._count.documents,
  }));
}
