// Find and replace across a document's translations in one language: a preview of every change,
// then one short transaction that writes them all, each as a new revision. Every replaced text is
// held to the save's rules (validation.ts): one that would be empty, too long or hold control
// characters is refused for its paragraph and listed, the others go ahead. Everything is computed
// before the transaction; inside it, paragraphs saved meanwhile are computed again on their text then.
import { z } from "zod";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { letOthersRun } from "../event-loop";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";
import { reanchorReplaced } from "../notes/reanchor";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import type { TranslationStatus } from "../segments/status";
import { changedSince, type StoredTranslation, writeTranslations } from "./bulk";
import { hasForbiddenControl, TranslationText } from "./validation";

export const ReplaceInput = z.object({
  lang: z.string().min(2).max(20),
  find: z
    .string()
    .min(1)
    .max(1000)
    .transform((s) => s.normalize("NFC")),
  replace: z
    .string()
    .max(1000)
    .refine((s) => !hasForbiddenControl(s), { message: "control_characters" })
    .transform((s) => s.replace(/\r\n?/g, "\n").normalize("NFC")),
  matchCase: z.boolean().default(false),
  /** Without apply: only the preview. With it: write the changes (optionally only these segments). */
  apply: z.boolean().default(false),
  segmentIds: z.array(z.string()).max(100_000).optional(),
});
type ReplaceRequest = z.output<typeof ReplaceInput>;

export interface ReplacementPreview {
  segmentId: string;
  position: number;
  before: string;
  after: string;
  count: number;
}

/** A paragraph the replacement would leave unsavable: listed, not written. */
export interface RefusedReplacement extends ReplacementPreview {
  reason: "empty" | "too_long" | "control_characters";
}

type Row = StoredTranslation & { position: number };

function pattern(find: string, matchCase: boolean) {
  // Literal text, not a regular expression; "u" + "i" folds Cyrillic and Kazakh case too.
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped, matchCase ? "gu" : "giu");
}

/** A reviewer's decision no longer covers changed text: it goes back to "translated". */
function statusAfterReplace(status: string): TranslationStatus {
  return status === "reviewed" || status === "approved" ? "translated" : (status as TranslationStatus);
}

/** What the replacement does to each row: a change, a refusal, or nothing (no match). */
function compute(input: ReplaceRequest, rows: Row[]) {
  const re = pattern(input.find, input.matchCase);
  const only = input.segmentIds ? new Set(input.segmentIds) : null;
  const changes: ReplacementPreview[] = [];
  const refused: RefusedReplacement[] = [];
  for (const row of rows) {
    if (only && !only.has(row.segmentId)) continue;
    const count = row.text.match(re)?.length ?? 0;
    if (count === 0) continue;
    const replaced = row.text.replace(re, () => input.replace);
    const checked = TranslationText.safeParse(replaced);
    const change = { segmentId: row.segmentId, position: row.position, before: row.text, count };
    // Replacing words by themselves changes nothing, and a save that changes nothing writes nothing.
    if (checked.success && checked.data === row.text) continue;
    if (!checked.success) {
      const reason = checked.error.issues[0]?.message === "too_long" ? "too_long" : "control_characters";
      refused.push({ ...change, after: replaced, reason });
    } else if (checked.data.trim() === "") refused.push({ ...change, after: checked.data, reason: "empty" });
    else changes.push({ ...change, after: checked.data });
  }
  const byPosition = (a: ReplacementPreview, b: ReplacementPreview) => a.position - b.position;
  return { changes: changes.sort(byPosition), refused: refused.sort(byPosition) };
}

function rowsOf(db: Db, documentId: string, lang: string): Promise<Row[]> {
  // Raw: the typed client with the segment's position included costs several times more per row.
  return db.$queryRaw<Row[]>`
    SELECT t."id", t."segmentId", t."lang", t."text", t."status", t."version", s."position"
      FROM "Translation" t JOIN "Segment" s ON s."id" = t."segmentId"
     WHERE t."documentId" = ${documentId} AND t."lang" = ${lang}`;
}

/** The rows read and the replacement computed on them, before any transaction. */
export interface ReplacePlan {
  input: ReplaceRequest;
  documentId: string;
  rows: Row[];
  changes: ReplacementPreview[];
  refused: RefusedReplacement[];
}

/** Checks who asks and what, reads the language's translations and computes every change: no lock held. */
export async function planReplace(db: Db, actor: Actor, documentId: string, raw: unknown): Promise<ReplacePlan> {
  const input = parseInput(ReplaceInput, raw);
  const { access } = await requireDocument(db, actor, documentId, input.apply ? "translation.edit" : "project.read");
  assertTarget(access.targetLangs, input.lang);
  const rows = await rowsOf(db, documentId, input.lang);
  await letOthersRun();
  const plan = { input, documentId, rows, ...compute(input, rows) };
  await letOthersRun();
  return plan;
}

/** Writes a plan's changes in one short transaction, as `userId` (whose right to edit planReplace checked). */
export function applyReplace(db: Db, userId: string, plan: ReplacePlan) {
  const { input, documentId } = plan;
  return db.$transaction(
    async (tx) => {
      let result = { changes: plan.changes, refused: plan.refused };
      const byId = new Map(plan.rows.map((r) => [r.segmentId, r]));
      // Paragraphs saved since they were read: computed again on what they hold now.
      const moved = await changedSince(
        tx,
        plan.changes.map((c) => ({ ...byId.get(c.segmentId)!, lang: input.lang })),
      );
      if (moved.length > 0) {
        for (const row of moved) Object.assign(byId.get(row.segmentId)!, row);
        const again = compute({ ...input, segmentIds: plan.changes.map((c) => c.segmentId) }, [...byId.values()]);
        result = {
          changes: again.changes,
          refused: [...plan.refused, ...again.refused].sort((a, b) => a.position - b.position),
        };
      }
      const now = new Date();
      await writeTranslations(
        tx,
        result.changes.map((c) => {
          const row = byId.get(c.segmentId)!;
          const status = statusAfterReplace(row.status);
          return { id: row.id, text: c.after, status, version: row.version + 1, updatedById: userId, updatedAt: now };
        }),
      );
      // Notes anchored in the replaced texts follow their words, as after a save (one statement for all).
      await reanchorReplaced(
        tx,
        documentId,
        input.lang,
        new Map(result.changes.map((c) => [c.segmentId, { text: c.after, previous: byId.get(c.segmentId)?.text }])),
      );
      return { applied: true, ...result };
    },
    { timeout: 60_000 },
  );
}

export async function findReplace(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const plan = await planReplace(db, actor, documentId, raw);
  if (!plan.input.apply) return { applied: false, changes: plan.changes, refused: plan.refused };
  const result = await applyReplace(db, actor.userId, plan);
  if (result.changes.length > 0) {
    const segmentIds = listedSegments(result.changes.map((c) => c.segmentId));
    const data = { change: "translations" as const, lang: plan.input.lang, reason: "replace", segmentIds };
    await publishLive(db, { type: "document.changed", documentId: plan.documentId, actorId: actor.userId, data });
  }
  return result;
}
