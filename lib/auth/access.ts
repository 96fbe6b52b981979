// Loads a thing together with what the asker may do with it: their role in its project, the
// project's policy and its target languages, so callers never look them up again. Refuses what the
// role does not allow; someone with no membership gets not_found (a private project leaves no trace).
// Callers pass a signed-in Actor: the route and action wrappers have refused everyone else.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { langsOf, targetLanguages } from "../projects/languages";
import type { Actor } from "./actor";
import { type ProjectAction, type ProjectPolicy, roleAllows } from "./permissions";
import { ProjectRole } from "./roles";

export interface ProjectAccess {
  projectId: string;
  role: ProjectRole;
  policy: ProjectPolicy;
  /** The project's target languages, in the project's order. */
  targetLangs: string[];
}

/** The asker's access to a project, or null when they are not a member. */
export async function projectAccess(db: Db, actor: Actor, projectId: string): Promise<ProjectAccess | null> {
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: actor.userId } },
    include: {
      project: { select: { reviewersMayEdit: true, translatorsMayEditGlossary: true, languages: targetLanguages } },
    },
  });
  if (!membership) return null;
  return {
    projectId,
    role: ProjectRole.parse(membership.role),
    policy: {
      reviewersMayEdit: membership.project.reviewersMayEdit,
      translatorsMayEditGlossary: membership.project.translatorsMayEditGlossary,
    },
    targetLangs: langsOf(membership.project.languages),
  };
}

function check(access: ProjectAccess | null, action: ProjectAction): ProjectAccess {
  if (!access) throw new AppError("not_found");
  if (!roleAllows(access.role, action, access.policy)) throw new AppError("forbidden", { action });
  return access;
}

export async function requireProject(
  db: Db,
  actor: Actor,
  projectId: string,
  action: ProjectAction,
): Promise<ProjectAccess> {
  return check(await projectAccess(db, actor, projectId), action);
}

export async function requireDocument(db: Db, actor: Actor, documentId: string, action: ProjectAction) {
  const document = await db.document.findUnique({ where: { id: documentId } });
  if (!document) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, document.projectId), action);
  return { document, access };
}

export async function requireSegment(db: Db, actor: Actor, segmentId: string, action: ProjectAction) {
  const segment = await db.segment.findUnique({ where: { id: segmentId }, include: { document: true } });
  if (!segment) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, segment.document.projectId), action);
  return { segment, document: segment.document, access };
}

/** Page helpers answer "not there" and "not yours" with the same 404; anything else is a real failure. */
export function isNotVisible(error: unknown): boolean {
  return error instanceof AppError && (error.code === "not_found" || error.code === "forbidden");
}
