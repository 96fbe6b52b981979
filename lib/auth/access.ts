// Loads a thing together with what the asker may do with it: their role in its project, the
// project's policy and its target languages, so callers never look them up again. Refuses what the
// role does not allow; someone with no membership gets not_found (a private project leaves no trace).
// Callers pass a signed-in Actor: the route and action wrappers have refused everyone else.
// A project in the trash, a document in the trash and a document's bin are not found here whoever
// asks (lib/projects/trash.ts and lib/documents/trash.ts reach them for restoring); an archived
// project refuses every action but reads and taking it out of the archive, so a write path cannot
// forget that it is read-only as long as it names the action it performs.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { langsOf, targetLanguages } from "../projects/languages";
import type { Actor } from "./actor";
import { type ProjectAction, type ProjectPolicy, readActions, roleAllows } from "./permissions";
import { ProjectRole } from "./roles";

export interface ProjectAccess {
  projectId: string;
  role: ProjectRole;
  policy: ProjectPolicy;
  /** The project's target languages, in the project's order. */
  targetLangs: string[];
  /** Archived: read-only until restored. */
  archived: boolean;
}

/** Put into a Prisma `select` of a Project: what its policy is made of (policyOf reads it back). */
export const policyFields = {
  reviewersMayEdit: true,
  translatorsMayEditSource: true,
  translatorsMayEditGlossary: true,
  translatorsMayChangeApproved: true,
} as const;

export const policyOf = (p: {
  reviewersMayEdit: boolean;
  translatorsMayEditSource: boolean;
  translatorsMayEditGlossary: boolean;
  translatorsMayChangeApproved: boolean;
}): ProjectPolicy => ({
  reviewersMayEdit: p.reviewersMayEdit,
  translatorsMayEditSource: p.translatorsMayEditSource,
  translatorsMayEditGlossary: p.translatorsMayEditGlossary,
  translatorsMayChangeApproved: p.translatorsMayChangeApproved,
});

/** Actions an archived project allows besides reads. */
const onArchived: readonly ProjectAction[] = ["project.archive", "project.delete"];

/** The asker's access to a project, or null when they are not a member or it is in the trash. */
export async function projectAccess(db: Db, actor: Actor, projectId: string): Promise<ProjectAccess | null> {
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: actor.userId } },
    include: {
      project: { select: { ...policyFields, archivedAt: true, deletedAt: true, languages: targetLanguages } },
    },
  });
  if (!membership || membership.project.deletedAt) return null;
  return {
    projectId,
    role: ProjectRole.parse(membership.role),
    policy: policyOf(membership.project),
    targetLangs: langsOf(membership.project.languages),
    archived: membership.project.archivedAt !== null,
  };
}

/** The one "this project is archived" refusal. */
export const readOnly = () => new AppError("read_only", { reason: "archived" });

export function check(access: ProjectAccess | null, action: ProjectAction): ProjectAccess {
  if (!access) throw new AppError("not_found");
  if (!roleAllows(access.role, action, access.policy)) throw new AppError("forbidden", { action });
  if (access.archived && !readActions.includes(action) && !onArchived.includes(action)) throw readOnly();
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

/** A document people work on: not in the trash, not a bin of removed paragraphs. */
const isOpen = (document: { deletedAt: Date | null; binOfId: string | null }) =>
  document.deletedAt === null && document.binOfId === null;

export async function requireDocument(db: Db, actor: Actor, documentId: string, action: ProjectAction) {
  const document = await db.document.findUnique({ where: { id: documentId } });
  if (!document || !isOpen(document)) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, document.projectId), action);
  return { document, access };
}

export async function requireSegment(db: Db, actor: Actor, segmentId: string, action: ProjectAction) {
  const segment = await db.segment.findUnique({ where: { id: segmentId }, include: { document: true } });
  if (!segment || !isOpen(segment.document)) throw new AppError("not_found");
  const access = check(await projectAccess(db, actor, segment.document.projectId), action);
  return { segment, document: segment.document, access };
}

/** Page helpers answer "not there" and "not yours" with the same 404; anything else is a real failure. */
export function isNotVisible(error: unknown): boolean {
  return error instanceof AppError && (error.code === "not_found" || error.code === "forbidden");
}
