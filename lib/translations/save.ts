// Saving a translation: validated, permission-checked, and never a silent overwrite. The save names
// the version it started from; if someone saved since, nothing is written and the caller gets the
// current text to merge with (optimistic concurrency). Each save makes one revision (written by a
// database trigger in the same statement); a save that changes neither text nor status writes
// nothing and answers with the current version (save-rule.ts refuses it to whoever may not edit).
// Repeated saves of a paragraph take the one-statement path of fast-save.ts; the first one, and any
// the fast path cannot vouch for, are decided here in full.

import { readOnly } from "../auth/access";
import type { Actor } from "../auth/actor";
import { confirmWritable, type Db, type Tx } from "../db/client";
import { retryConflicts } from "../db/serializable";
import { AppError } from "../errors";
import { publishLive } from "../live/runtime";
import { reanchorNotesIn } from "../notes/reanchor";
import { parseInput } from "../parse-input";
import { notATarget } from "../projects/languages";
import { closeSendBacks, confirms } from "../review/send-backs";
import type { TranslationStatus } from "../segments/status";
import { conflictError } from "./conflict";
import { rememberHint, type SaveFacts, tryFastSave } from "./fast-save";
import { loadSaveContext, type SaveContext } from "./save-context";
import { decideSave } from "./save-rule";
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

// Find and replace (replace.ts) moves notes the same way.
export { reanchorNotesIn };

export async function saveTranslation(db: Db, actor: Actor, raw: unknown): Promise<SavedTranslation> {
  const input = parseInput(SaveTranslationInput, raw);
  const now = new Date();
  const fast = await tryFastSave(db, { ...input, userId: actor.userId, now });
  if (fast) {
    const saved = savedAs(input, fast.status, now);
    announceSave(db, actor.userId, fast.documentId, saved);
    return saved;
  }
  return fullSave(db, actor.userId, input, now);
}

/** Tells the document's live viewers, after the commit and without waiting (lib/live/publish.ts). */
function announceSave(db: Db, userId: string, documentId: string, saved: SavedTranslation) {
  const { segmentId, lang, version, status } = saved;
  void publishLive(db, {
    type: "translation.saved",
    documentId,
    actorId: userId,
    data: { segmentId, lang, version, status },
  });
}

function currentAsSaved(context: SaveContext): SavedTranslation {
  const { segmentId, lang, translation } = context;
  return {
    segmentId,
    lang,
    text: translation?.text ?? "",
    status: translation?.status ?? "new",
    version: translation?.version ?? 0,
    updatedAt: context.updatedAt.toISOString(),
  };
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

/** Reads everything the decision needs, decides, and explains a refusal; remembers the facts. */
async function fullSave(db: Db, userId: string, input: ParsedInput, now: Date): Promise<SavedTranslation> {
  const found = await loadSaveContext(db, userId, input.segmentId, input.lang);
  // Trashed or removed: not there. Archived: read-only (and never remembered for the fast path).
  const context = found?.hidden ? null : found;
  if (context?.archived && context.role) throw readOnly();
  // Not a member: the same answer as a segment that does not exist.
  const role = context?.role;
  const current = context?.translation ?? null;
  const facts: SaveFacts | null =
    context && role
      ? {
          documentId: context.documentId,
          projectId: context.projectId,
          role,
          reviewersMayEdit: context.reviewersMayEdit,
          translatorsMayChangeApproved: context.translatorsMayChangeApproved,
          langIsTarget: context.langIsTarget,
          current: current && { text: current.text, status: current.status, version: current.version },
          anchoredNotes: context.anchoredNotes,
          openSendBacks: context.openSendBacks,
        }
      : null;
  rememberHint(db, userId, input.segmentId, input.lang, facts);
  if (!context || !facts) throw new AppError("not_found");
  if (!context.langIsTarget) throw notATarget();
  const { status, textChanged, changesNothing } = decideSave(facts, input);
  // Nothing to write: no version, no revision, no "updated by"; the caller gets what is saved now,
  // once the database can vouch for it (it may hold a commit its disk did not confirm: client.ts).
  if (changesNothing) {
    await confirmWritable(db);
    return currentAsSaved(context);
  }

  const saved = savedAs(input, status, now);
  const reanchorNeeded = textChanged && context.anchoredNotes > 0;
  // Confirming again answers a send-back: its reason closes (the history keeps it).
  const closesSendBacks = confirms(status) && context.openSendBacks > 0;
  if (current && !reanchorNeeded && !closesSendBacks) {
    // One statement, its own transaction: run again whole if PostgreSQL aborts it for a deadlock.
    await retryConflicts(() => writeAtVersion(db, current.id, input, status, userId, now));
    facts.current = { text: input.text, status, version: saved.version };
    announceSave(db, userId, context.documentId, saved);
    return saved;
  }

  await db.$transaction(async (tx) => {
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
    if (reanchorNeeded) await reanchorNotesIn(tx, input.segmentId, input.lang, input.text, current?.text);
    if (closesSendBacks) await closeSendBacks(tx, input.segmentId, input.lang, userId, now);
  });
  facts.current = { text: input.text, status, version: saved.version };
  if (closesSendBacks) facts.openSendBacks = 0;
  announceSave(db, userId, context.documentId, saved);
  return saved;
}
