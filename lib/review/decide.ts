// Review decisions: reviewed / approved / rejected on one translation, or "approve all remaining
// translated paragraphs". A rejection always says why (a note, in the same transaction).
import { z } from "zod";
import { requireDocument, requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import { maySetStatus } from "../auth/permissions";
import { type Db, Prisma } from "../db/client";
import { AppError } from "../errors";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";
import { addresseeOf } from "../notes/addressee";
import { NoteInput } from "../notes/validation";
import { INT_MAX, parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import { conflictError } from "../translations/conflict";
import { closeSendBacks, confirms } from "./send-backs";

export const decisions = ["reviewed", "approved", "rejected"] as const;

export const DecisionInput = z.object({
  decision: z.enum(decisions, { message: "bad_decision" }),
  note: z.string().optional(),
  /** The version the reviewer looked at; if given and the text changed since, the decision is refused (409). */
  baseVersion: z.number().int().min(0).max(INT_MAX).optional(),
});

export const ApproveAllInput = z.object({ lang: z.string().min(2).max(20) });

export async function decide(db: Db, actor: Actor, segmentId: string, lang: string, raw: unknown) {
  const { segment, access } = await requireSegment(db, actor, segmentId, "translation.decide");
  const input = parseInput(DecisionInput, raw);
  const { decision, baseVersion } = input;
  if (!maySetStatus(access.role, decision, access.policy))
    throw new AppError("forbidden", { action: "status", status: decision });
  let noteBody: string | null = null;
  if (decision === "rejected" || input.note?.trim()) {
    const note = NoteInput.shape.body.safeParse(input.note ?? "");
    if (!note.success) {
      const reason = decision === "rejected" && !input.note?.trim() ? "reason_required" : note.error.issues[0].message;
      throw new AppError("invalid_input", { field: "note", reason });
    }
    noteBody = note.data;
  }
  const translation = await db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } });
  assertTarget(access.targetLangs, lang);
  if (!translation || translation.text.trim() === "") {
    throw new AppError("invalid_input", { field: "lang", reason: "nothing_to_decide" });
  }
  const decided = await db.$transaction(async (tx) => {
    const where = { id: translation.id, version: baseVersion ?? translation.version };
    const now = new Date();
    const updated = await tx.translation.updateMany({
      where,
      data: { status: decision, version: { increment: 1 }, updatedById: actor.userId, updatedAt: now },
    });
    if (updated.count !== 1) throw await conflictError(tx, segmentId, lang);
    // The revision is written by the database (a trigger on the version).
    const version = where.version + 1;
    let noteId: string | null = null;
    if (noteBody) {
      // The reason, linked to the version this decision made (the history shows it there); a
      // rejection's reason is addressed to the translator it sends the text back to.
      const note = await tx.note.create({
        data: {
          segmentId,
          documentId: segment.documentId,
          lang,
          authorId: actor.userId,
          body: noteBody,
          decision,
          decisionVersion: version,
          addressedToId: decision === "rejected" ? await addresseeOf(tx, translation.id, actor.userId) : null,
        },
      });
      noteId = note.id;
    }
    // Reviewed or approved answers an earlier send-back as a confirmation by the translator would.
    if (confirms(decision)) await closeSendBacks(tx, segmentId, lang, actor.userId, now);
    return { segmentId, lang, status: decision, version, text: translation.text, noteId };
  });
  // After the commit (lib/live/publish.ts): the decision, and the note a reason became, in one event.
  void publishLive(db, {
    type: "decision",
    documentId: segment.documentId,
    actorId: actor.userId,
    data: { segmentId, lang, version: decided.version, status: decision, decision, noteId: decided.noteId },
  });
  return decided;
}

/**
 * Approves every translation into `lang` that is "translated" now, in one statement; answers how
 * many and which paragraphs (their memory units follow after the answer: lib/tm/approve-units.ts).
 */
export async function approveAllTranslated(db: Db, actor: Actor, documentId: string, lang: string) {
  const { access } = await requireDocument(db, actor, documentId, "translation.decide");
  if (!maySetStatus(access.role, "approved", access.policy))
    throw new AppError("forbidden", { action: "status", status: "approved" });
  // Each row's new version gets its revision from the database (a trigger on the version).
  const approved = await db.$queryRaw<{ segmentId: string }[]>(Prisma.sql`
    UPDATE "Translation" SET "status" = 'approved', "version" = "version" + 1, "updatedById" = ${actor.userId},
           "updatedAt" = ${new Date()}
     WHERE "documentId" = ${documentId} AND "lang" = ${lang} AND "status" = 'translated'
    RETURNING "segmentId"`);
  const segmentIds = approved.map((r) => r.segmentId);
  if (segmentIds.length > 0) {
    const data = {
      change: "translations" as const,
      lang,
      reason: "approve-all",
      segmentIds: listedSegments(segmentIds),
    };
    await publishLive(db, { type: "document.changed", documentId, actorId: actor.userId, data });
  }
  return { approved: segmentIds.length, segmentIds };
}

/**
 * For review mode: per segment, the text as it was at the last review decision (reviewed, approved
 * or rejected), so the reviewer sees what changed since. Null where there was no decision yet.
 */
export async function lastReviewedTexts(db: Db, documentId: string, lang: string): Promise<Map<string, string>> {
  const revisions = await db.revision.findMany({
    where: { translation: { documentId, lang }, status: { in: [...decisions] } },
    select: { version: true, text: true, translation: { select: { segmentId: true } } },
    orderBy: { version: "asc" },
  });
  const out = new Map<string, string>();
  for (const r of revisions) out.set(r.translation.segmentId, r.text);
  return out;
}
