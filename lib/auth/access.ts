// Loads a thing together with the asker's role in its project, and refuses what the role does not
// allow. Someone with no membership gets not_found: a private project leaves no trace.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { type ProjectAction, type ProjectPolicy, roleAllows } from "./permissions";
import { ProjectRole } from "./roles";

export interface ProjectAccess {
  role: ProjectRole;
  policy: ProjectPolicy;
  projectId: string;
}

export async function projectAccess(db: Db, actor: Actor | null, projectId: string): Promise<ProjectAccess | null> {
  if (!actor) return null;
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: actor.userId } },
    include: { project: { select: { reviewersMayEdit: true } } },
  });
  if (!membership) return null;
  return {
    role: ProjectRole.parse(membership.role),
    policy: { reviewersMayEdit: membership.project.reviewersMayEdit },
    projectId,
  };
}

function check(access: ProjectAccess | null, actor: Actor | null, action: ProjectAction): ProjectAccess {
  if (!actor) throw new AppError("unauthenticated");
  if (!access) throw new AppError("not_found");
  if (!roleAllows(access.role, action, access.policy)) throw new AppError("forbidden", { action });
  return access;
}

export async function requireProject(db: Db, actor: Actor | null, projectId: string, action: ProjectAction) {
  return check(await projectAccess(db, actor, projectId), actor, action);
}

export async function requireDocument(db: Db, actor: Actor | null, documentId: string, action: ProjectAction) {
  if (!actor) throw new AppError("unauthenticated");
  const document = await db.document.findUnique({ where: { id: documentId } });
  if (!document) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, document.projectId), actor, action);
  return { document, access };
}

export async function requireSegment(db: Db, actor: Actor | null, segmentId: string, action: ProjectAction) {
  if (!actor) throw new AppError("unauthenticated");
  const segment = await db.segment.findUnique({ where: { id: segmentId }, include: { document: true } });
  if (!segment) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, segment.document.projectId), actor, action);
  return { segment, document: segment.document, access };
}
