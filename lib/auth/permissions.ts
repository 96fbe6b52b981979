// The one answer to "may this user do this to this thing". Every page, server action, route and
// command asks here; nothing is decided only in the UI.
import type { TranslationStatus } from "../segments/status";
import type { ProjectRole } from "./roles";

export type ProjectAction =
  | "project.read" // see the project, its documents, translations and notes
  | "document.export"
  | "document.create"
  | "translation.edit" // change a translation's text
  | "note.create" // comment on a paragraph
  | "note.resolve.own" // resolve or reopen a thread one started, or one addressed to one (mayResolveThread)
  | "note.resolve.any"
  | "members.manage"
  | "project.settings"
  | "glossary.edit" // add, edit, delete and import entries of the project's own glossary
  | "glossary.attach" // use another project's glossary read-only (the asker must own that one too)
  | "qa.ignore" // mark a quality-check finding "ignore" with a reason, or take the mark back
  | "translation.decide" // review decisions (which statuses: maySetStatus)
  | "project.archive" // archive, and take out of the archive
  | "project.delete" // move to the trash (restoring and deleting forever: lib/projects/trash.ts)
  | "document.manage" // rename, reorder, trash and restore documents, update a document's source
  | "source.edit" // edit a source paragraph, split, merge, and undo those
  | "translation.unlock" // open a reviewed or approved paragraph to translators again
  | "translation.bulk.undo.any"; // undo someone else's find and replace (one's own needs translation.edit)

/** Actions that change nothing: the only ones an archived project still allows, with taking it out. */
export const readActions: readonly ProjectAction[] = ["project.read", "document.export"];

export interface ProjectPolicy {
  /** Owners may let reviewers edit translation text. */
  reviewersMayEdit: boolean;
  /**
   * Owners may let translators and reviewers add and edit glossary entries (Project.translatorsMayEditGlossary).
   * Absent (a policy read for another purpose) means no.
   */
  translatorsMayEditGlossary?: boolean;
  /** Owners may let translators edit source paragraphs (edit, split, merge); absent: they may not. */
  translatorsMayEditSource?: boolean;
  /** Owners may let translators change reviewed and approved paragraphs; absent: locked for them. */
  translatorsMayChangeApproved?: boolean;
}

const grants: Record<ProjectRole, readonly ProjectAction[]> = {
  owner: [
    "project.read",
    "document.export",
    "document.create",
    "translation.edit",
    "note.create",
    "note.resolve.own",
    "note.resolve.any",
    "members.manage",
    "project.settings",
    "glossary.edit",
    "glossary.attach",
    "qa.ignore",
    "translation.decide",
    "project.archive",
    "project.delete",
    "document.manage",
    "source.edit",
    "translation.unlock",
    "translation.bulk.undo.any",
  ],
  translator: ["project.read", "document.export", "translation.edit", "note.create", "note.resolve.own", "qa.ignore"],
  reviewer: [
    "project.read",
    "document.export",
    "note.create",
    "note.resolve.own",
    "note.resolve.any",
    "translation.decide",
    "qa.ignore",
  ],
  viewer: ["project.read", "document.export"],
};

export function roleAllows(role: ProjectRole, action: ProjectAction, policy: ProjectPolicy): boolean {
  if (action === "translation.edit" && role === "reviewer") return policy.reviewersMayEdit;
  // Terminology is the linguists' shared work: translators and reviewers alike, when the owner allows.
  if (action === "glossary.edit" && (role === "translator" || role === "reviewer"))
    return policy.translatorsMayEditGlossary === true;
  if (action === "source.edit" && role === "translator") return policy.translatorsMayEditSource === true;
  return grants[role].includes(action);
}

/** Statuses each role may set. "new" is never set by hand: an emptied translation becomes new. */
const statusGrants: Record<ProjectRole, readonly TranslationStatus[]> = {
  owner: ["draft", "translated", "reviewed", "approved", "rejected"],
  translator: ["draft", "translated"],
  reviewer: ["reviewed", "approved", "rejected"],
  viewer: [],
};

export function statusesFor(role: ProjectRole, policy: ProjectPolicy): readonly TranslationStatus[] {
  // A reviewer allowed to edit text saves it as a draft or translation like a translator would.
  if (role === "reviewer" && policy.reviewersMayEdit) return ["draft", "translated", ...statusGrants.reviewer];
  return statusGrants[role];
}

export function maySetStatus(role: ProjectRole, status: TranslationStatus, policy: ProjectPolicy): boolean {
  return statusesFor(role, policy).includes(status);
}

/** Statuses that protect a translation: a reviewer's decision stands until someone who may make it changes it. */
export const PROTECTED_STATUSES: readonly TranslationStatus[] = ["reviewed", "approved"];

/**
 * The statuses whose translations this role may not change (text or status): reviewed and approved
 * work is changed only by a role that may make that decision itself, unless the project lets
 * translators. An owner opens a single paragraph again with "translation.unlock".
 */
export function lockedStatuses(role: ProjectRole, policy: ProjectPolicy): readonly TranslationStatus[] {
  if (policy.translatorsMayChangeApproved) return [];
  return PROTECTED_STATUSES.filter((status) => !maySetStatus(role, status, policy));
}

export function isLockedFor(role: ProjectRole, status: TranslationStatus, policy: ProjectPolicy): boolean {
  return lockedStatuses(role, policy).includes(status);
}

/** Whether the role may import at all: a new document, or translations into an existing one. */
export function mayImport(role: ProjectRole, policy: ProjectPolicy): boolean {
  return roleAllows(role, "document.create", policy) || roleAllows(role, "translation.edit", policy);
}

/** What a project's card on the home page and the project's page offer its member. */
export function projectPermissions(role: ProjectRole, policy: ProjectPolicy, archived = false) {
  // An archived project is read-only: its pages offer nothing that writes (the server refuses it too).
  const may = (action: ProjectAction) => !archived && roleAllows(role, action, policy);
  return {
    canImport: !archived && mayImport(role, policy),
    canManageMembers: may("members.manage"),
    canManageDocuments: may("document.manage"),
    canChangeSettings: may("project.settings"),
    canArchive: roleAllows(role, "project.archive", policy),
    canDelete: roleAllows(role, "project.delete", policy),
  };
}

/** What the editor shows and allows the asker (the server checks every call again). */
export interface EditorPermissions {
  canEdit: boolean;
  /** May mark a quality-check finding "ignore" (and take the mark back). */
  canIgnoreQa: boolean;
  /** May change the project's QA settings (e.g. add a word to its dictionary from a spelling finding). */
  canSetQa: boolean;
  /** Edit, split and merge source paragraphs. */
  canEditSource: boolean;
  canComment: boolean;
  canDecide: boolean;
  canResolveAny: boolean;
  canEditGlossary: boolean;
  /** Resolve the threads one started or that are addressed to one (see mayResolveThread). */
  canResolveOwn: boolean;
  /** Open a reviewed or approved paragraph to translators again (owners). */
  canUnlock: boolean;
  /** Translations in these statuses are read-only for the asker (approved work protected). */
  lockedStatuses: TranslationStatus[];
  userId: string;
}

export function editorPermissions(
  access: { role: ProjectRole; policy: ProjectPolicy; archived?: boolean },
  userId: string,
): EditorPermissions {
  const { role, policy } = access;
  // An archived project is read for reference only.
  const may = (allowed: boolean) => !access.archived && allowed;
  return {
    canEdit: may(roleAllows(role, "translation.edit", policy)),
    canEditSource: may(roleAllows(role, "source.edit", policy)),
    canIgnoreQa: may(roleAllows(role, "qa.ignore", policy)),
    canSetQa: may(roleAllows(role, "project.settings", policy)),
    canComment: may(roleAllows(role, "note.create", policy)),
    canResolveAny: may(roleAllows(role, "note.resolve.any", policy)),
    canResolveOwn: may(roleAllows(role, "note.resolve.own", policy)),
    canDecide: may(maySetStatus(role, "approved", policy)),
    canEditGlossary: may(roleAllows(role, "glossary.edit", policy)),
    canUnlock: may(roleAllows(role, "translation.unlock", policy)),
    lockedStatuses: [...lockedStatuses(role, policy)],
    userId,
  };
}

/** What the glossary page offers its member (the server checks every call again). */
export function glossaryPermissions(access: { role: ProjectRole; policy: ProjectPolicy }) {
  return {
    canEdit: roleAllows(access.role, "glossary.edit", access.policy),
    canAttach: roleAllows(access.role, "glossary.attach", access.policy),
  };
}

/** A thread as far as resolving it goes: who started it, and whom it is addressed to. */
export interface ThreadParties {
  author: { id: string | null } | null;
  /** The translator it is addressed to: the translation's last translator when it was written. */
  addressedTo: { id: string } | null;
  /** Members named in it with @. */
  mentions: { id: string }[];
  /** Its replies: someone @mentioned in a reply is addressed too. */
  replies?: { mentions: { id: string }[] }[];
}

/**
 * Whether `who` may resolve or reopen a thread: reviewers and owners any thread; translators (and
 * reviewers) the threads they started and those addressed to them — as the paragraph's last
 * translator, or by an @mention. Used by the server (updateNote) and by the editor to offer the button.
 */
export function mayResolveThread(
  who: Pick<EditorPermissions, "canResolveAny" | "canResolveOwn" | "userId">,
  thread: ThreadParties,
): boolean {
  if (who.canResolveAny) return true;
  if (!who.canResolveOwn) return false;
  return (
    thread.author?.id === who.userId ||
    thread.addressedTo?.id === who.userId ||
    [thread, ...(thread.replies ?? [])].some((note) => note.mentions.some((m) => m.id === who.userId))
  );
}
