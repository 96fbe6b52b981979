// Saving a translation: validated, permission-checked, and never a silent overwrite. The save names
// the version it started from; if someone saved since, nothing is written and the caller gets the
// current text to merge with (optimistic concurrency). Each save makes one revision (written by a
// database trigger in the same statement). Repeated saves of a paragraph take the one-statement path
// of fast-save.ts; the first one, and any the fast path cannot vouch for, are decided here in full.

import type { Actor } from "../auth/actor";
import { maySetStatus, roleAllows } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { reanchor } from "../notes/anchor";
import { parseInput } from "../parse-input";
import { notATarget } from "../projects/languages";
import type { TranslationStatus } from "../segments/status";
import { conflictError } from "./conflict";
import { rememberHint, tryFastSave } from "./fast-save";
import { loadSaveContext } from "./save-context";
import { SaveTranslationInput } from "./validation";

export interface SavedTranslation {
  segmentId: string;
  lang: string;
  text: string;
  status: TranslationStatus;
  version: number;
  updatedAt: string;
}

type ParsedInput = ReturnType<typeof SaveTranslationInput.parse>;

/** The status a save ends in when the caller names none: what a translator expects from typing. */
function impliedStatus(text: string, previous: string, textChanged: boolean): TranslationStatus {
  if (text.trim() === "") return "new";
  if (textChanged) return "draft";
  return previous as TranslationStatus;
}

export async function saveTranslation(db: Db, actor: Actor, raw: unknown): Promise<SavedTranslation> {
  const input = parseInput(SaveTranslationInput, raw);
  const now = new Date();
  const fast = await tryFastSave(db, { ...input, userId: actor.userId, now });
  if (fast) return savedAs(input, fast.status, now);
  return fullSave(db, actor.userId, input, now);
}

function savedAs(input: ParsedInput, status: TranslationStatus, now: Date): SavedTranslation {
  const { segmentId, lang, text } = input;
  return { segmentId, lang, text, status, version: input.baseVersion + 1, updatedAt: now.toISOString() };
}

/** Compare-and-set on the version: a save based on an older version changes nothing (409). */
async function writeAtVersion(client: Tx, id: string, input: ParsedInput, status: string, userId: string, now: Date) {
  // The database trigger writes the revision of the new version.
  const updated = await client.$executeRaw`
    UPDATE "Translation" SET "text" = ${input.text}, "status" = ${status}, "version" = "version" + 1,
           "updatedById" = ${userId}, "updatedAt" = ${now}
     WHERE "id" = ${id} AND "version" = ${input.baseVersion}`;
  if (updated !== 1) throw await conflictError(client, input.segmentId, input.lang);
}

/** Reads everything the decision needs, decides, and explains a refusal; remembers the hint. */
async function fullSave(db: Db, userId: string, input: ParsedInput, now: Date): Promise<SavedTranslation> {
  const context = await loadSaveContext(db, userId, input.segmentId, input.lang);
  // Not a member: the same answer as a segment that does not exist.
  const role = context?.role;
  rememberHint(
    db,
    userId,
    input.segmentId,
    context && role
      ? {
          documentId: context.documentId,
          projectId: context.projectId,
          role,
          reviewersMayEdit: context.reviewersMayEdit,
        }
      : null,
  );
  if (!context || !role) throw new AppError("not_found");
  const policy = { reviewersMayEdit: context.reviewersMayEdit };
  if (!context.langIsTarget) throw notATarget();

  const current = context.translation;
  const previousText = current?.text ?? "";
  const textChanged = input.text !== previousText;
  if (textChanged && !roleAllows(role, "translation.edit", policy)) {
    throw new AppError("forbidden", { action: "translation.edit" });
  }
  const status = input.status ?? impliedStatus(input.text, current?.status ?? "new", textChanged);
  if (status !== (current?.status ?? "new") || input.status) {
    const emptied = status === "new" && input.text.trim() === "";
    if (!emptied && !maySetStatus(role, status, policy)) throw new AppError("forbidden", { action: "status", status });
  }
  if (status !== "new" && input.text.trim() === "")
    throw new AppError("invalid_input", { field: "text", reason: "empty" });

  const saved = savedAs(input, status, now);
  const reanchorNeeded = textChanged && context.anchoredNotes > 0;
  if (current && !reanchorNeeded) {
    await writeAtVersion(db, current.id, input, status, userId, now);
    return saved;
  }

  return db.$transaction(async (tx) => {
    let translationId = current?.id;
    if (!translationId) {
      // A language added to the project after the document: its row is created on first save.
      if (input.baseVersion !== 0) throw await conflictError(tx, input.segmentId, input.lang);
      translationId = (
        await tx.translation.create({
          data: { segmentId: input.segmentId, documentId: context.documentId, lang: input.lang },
        })
      ).id;
    }
    await writeAtVersion(tx, translationId, input, status, userId, now);
    if (reanchorNeeded) await reanchorNotesIn(tx, input.segmentId, input.lang, input.text);
    return saved;
  });
}

/** Notes anchored in this translation follow their words when text is typed around them. */
export async function reanchorNotesIn(tx: Tx, segmentId: string, lang: string, text: string) {
  const anchored = await tx.note.findMany({
    where: { segmentId, lang, anchorSide: "target", anchorStart: { not: null } },
  });
  for (const note of anchored) {
    const at = reanchor(text, { start: note.anchorStart ?? 0, end: note.anchorEnd ?? 0, text: note.anchorText ?? "" });
    // Words gone: the offsets stay, and the note shows "text changed" instead of pointing elsewhere.
    if (at && (at.start !== note.anchorStart || at.end !== note.anchorEnd)) {
      await tx.note.update({ where: { id: note.id }, data: { anchorStart: at.start, anchorEnd: at.end } });
    }
  }
}
