// The common save as one SQL statement. A translator saves the same paragraph every second or two;
// after the first save of a paragraph we remember what the permission decision rested on (the
// asker's role in the project, the project's "reviewers may edit" setting) and the next save is a
// single compare-and-set UPDATE whose WHERE clause checks, at write time, that all of it still holds:
// same version, same role, same setting, the language still a project target, and no note anchored
// in the text that would have to follow the words. The database trigger writes the revision. When
// the UPDATE changes nothing, the caller runs the full save, which finds out why and says so; so the
// fast path can only ever do what the full one would have done.

import { maySetStatus, roleAllows } from "../auth/permissions";
import type { ProjectRole } from "../auth/roles";
import type { Db } from "../db/client";
import type { TranslationStatus } from "../segments/status";

export interface SaveHint {
  documentId: string;
  projectId: string;
  role: ProjectRole;
  reviewersMayEdit: boolean;
}

/** Enough for every paragraph a busy instance's editors touch in a while; the oldest go first. */
const MAX_HINTS = 20_000;
const hintsByDb = new WeakMap<Db, Map<string, SaveHint>>();

const hintKey = (userId: string, segmentId: string) => `${userId}\u0000${segmentId}`;

export function rememberHint(db: Db, userId: string, segmentId: string, hint: SaveHint | null) {
  let hints = hintsByDb.get(db);
  if (!hints) {
    hints = new Map();
    hintsByDb.set(db, hints);
  }
  const key = hintKey(userId, segmentId);
  hints.delete(key);
  if (!hint) return;
  hints.set(key, hint);
  if (hints.size > MAX_HINTS) hints.delete(hints.keys().next().value as string);
}

export interface FastSave {
  userId: string;
  segmentId: string;
  lang: string;
  text: string;
  status?: TranslationStatus;
  baseVersion: number;
  now: Date;
}

/**
 * The save as one UPDATE, or null when it is not a plain case (no hint yet, a status the hinted
 * role may not set, an empty text with a status) or when the UPDATE matched nothing.
 */
export async function tryFastSave(db: Db, input: FastSave): Promise<{ status: TranslationStatus } | null> {
  const hint = hintsByDb.get(db)?.get(hintKey(input.userId, input.segmentId));
  if (!hint) return null;
  const policy = { reviewersMayEdit: hint.reviewersMayEdit };
  const empty = input.text.trim() === "";
  if (input.status) {
    // Emptying with status "new" is always allowed; anything else the role must be allowed to set.
    const emptied = input.status === "new" && empty;
    if (!emptied && (empty || !maySetStatus(hint.role, input.status, policy))) return null;
  }
  // Without a status, typing makes a draft and emptying makes it new again (as in the full save);
  // a role that may edit text may set "draft", so the text condition below covers that status too.
  const mayEdit = roleAllows(hint.role, "translation.edit", policy) ? 1 : 0;
  const rows = await db.$queryRaw<{ status: string }[]>`
    UPDATE "Translation"
       SET "text" = ${input.text},
           "status" = COALESCE(${input.status ?? null},
                               CASE WHEN ${empty ? 1 : 0} = 1 THEN 'new'
                                    WHEN "text" <> ${input.text} THEN 'draft'
                                    ELSE "status" END),
           "version" = "version" + 1, "updatedById" = ${input.userId}, "updatedAt" = ${input.now}
     WHERE "segmentId" = ${input.segmentId} AND "lang" = ${input.lang} AND "version" = ${input.baseVersion}
       AND "documentId" = ${hint.documentId}
       AND ("text" = ${input.text} OR ${mayEdit} = 1)
       AND ("text" = ${input.text} OR NOT EXISTS (
             SELECT 1 FROM "Note" n
              WHERE n."segmentId" = ${input.segmentId} AND n."lang" = ${input.lang} AND n."anchorSide" = 'target'))
       AND EXISTS (SELECT 1 FROM "Document" d WHERE d."id" = ${hint.documentId} AND d."projectId" = ${hint.projectId})
       AND EXISTS (SELECT 1 FROM "Membership" m
                    WHERE m."projectId" = ${hint.projectId} AND m."userId" = ${input.userId} AND m."role" = ${hint.role})
       AND EXISTS (SELECT 1 FROM "Project" p
                    WHERE p."id" = ${hint.projectId} AND p."reviewersMayEdit" = ${hint.reviewersMayEdit})
       AND EXISTS (SELECT 1 FROM "ProjectLanguage" pl
                    WHERE pl."projectId" = ${hint.projectId} AND pl."lang" = ${input.lang})
    RETURNING "status"`;
  return rows.length === 1 ? { status: rows[0].status as TranslationStatus } : null;
}
