// Find and replace across a document's translations in one language: a preview of every change,
// occurrence by occurrence, then one short transaction that writes the chosen ones, each paragraph as
// a new revision, recorded as one bulk edit that can be undone in one step (bulk-edits.ts).
// Matching is lib/search/find.ts: literal text or an RE2 regular expression (linear time, never
// `new RegExp(userInput)`), case, whole words; the replacement can keep the case of what it
// replaces. A paragraph the replacement would leave unsavable (as a save would refuse it), one
// locked for the asker (approved work), or one changed since its occurrences were chosen, is not
// written but listed with the reason. Everything is computed before the transaction; inside it,
// paragraphs saved meanwhile are computed again on their text then.
import { z } from "zod";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import { lockedStatuses } from "../auth/permissions";
import type { Db } from "../db/client";
import { letOthersRun } from "../event-loop";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";
import { reanchorReplaced } from "../notes/reanchor";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import { compileFind } from "../search/find";
import { type ReplaceOptions, replaceIn, replacementOf } from "../search/replace-text";
import type { TranslationStatus } from "../segments/status";
import { changedSince, type StoredTranslation, writeTranslations } from "./bulk";
import { recordBulkEdit } from "./bulk-edits";
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
  wholeWords: z
    .boolean()
    .default(false)
    .describe("Only matches with no letter, digit or mark (of any script) right before or after them"),
  regex: z
    .boolean()
    .default(false)
    .describe(
      "`find` is a regular expression in RE2 syntax (linear time: no back-references or lookaround); `replace` may " +
        "then use $1…$99, $<name>, $& (the match) and $$ (a dollar sign)",
    ),
  preserveCase: z
    .boolean()
    .default(false)
    .describe("Each replacement takes the case of what it replaces: Civil Service → Public Service, CIVIL → PUBLIC"),
  /** Without apply: only the preview. With it: write the changes (optionally only these segments). */
  apply: z.boolean().default(false),
  segmentIds: z.array(z.string()).max(100_000).optional(),
  skip: z
    .array(
      z.object({
        segmentId: z.string(),
        version: z.number().int().min(0),
        occurrences: z.array(z.number().int().min(0)).max(10_000),
      }),
    )
    .max(100_000)
    .optional()
    .describe(
      "Occurrences to leave as they are: their indexes (0-based, as the preview listed them) in the paragraph at " +
        "`version`. A paragraph saved since is not written and is listed as refused (`changed`).",
    ),
});
type ReplaceRequest = z.output<typeof ReplaceInput>;

export interface Occurrence {
  start: number;
  end: number;
  /** What it becomes. */
  text: string;
}

export interface ReplacementPreview {
  segmentId: string;
  position: number;
  /** The translation's version the preview was computed on. */
  version: number;
  before: string;
  after: string;
  /** Occurrences replaced. */
  count: number;
  /** Every match in `before`, in order: the preview lets people leave single ones as they are. */
  occurrences: Occurrence[];
}

/** A paragraph the replacement does not write, and why. */
export interface RefusedReplacement extends ReplacementPreview {
  reason: "locked" | "changed" | "empty" | "too_long" | "control_characters";
}

type Row = StoredTranslation & { position: number };

/** A reviewer's decision no longer covers changed text: it goes back to "translated". */
function statusAfterReplace(status: string): TranslationStatus {
  return status === "reviewed" || status === "approved" ? "translated" : (status as TranslationStatus);
}

/** What the replacement does to each row: a change, a refusal, or nothing (no match). */
function compute(input: ReplaceRequest, rows: Row[], locked: readonly TranslationStatus[]) {
  const finder = compileFind(input);
  const options: ReplaceOptions = { ...input, lang: input.lang };
  const only = input.segmentIds ? new Set(input.segmentIds) : null;
  const skips = new Map(input.skip?.map((s) => [s.segmentId, s]));
  const changes: ReplacementPreview[] = [];
  const refused: RefusedReplacement[] = [];
  for (const row of rows) {
    if (only && !only.has(row.segmentId)) continue;
    const skip = skips.get(row.segmentId);
    const replaced = replaceIn(row.text, finder, options, new Set(skip?.occurrences));
    if (replaced.matches.length === 0) continue;
    const change = {
      segmentId: row.segmentId,
      position: row.position,
      version: row.version,
      before: row.text,
      count: replaced.count,
      occurrences: replaced.matches.map((m) => ({
        start: m.start,
        end: m.end,
        text: replacementOf(row.text, m, options),
      })),
    };
    if (skip && skip.version !== row.version) {
      refused.push({ ...change, after: row.text, reason: "changed" });
      continue;
    }
    if (replaced.count === 0) continue;
    const checked = TranslationText.safeParse(replaced.text);
    // Replacing words by themselves changes nothing.
    if (checked.success && checked.data === row.text) continue;
    if (locked.includes(row.status as TranslationStatus))
      refused.push({ ...change, after: replaced.text, reason: "locked" });
    else if (!checked.success) {
      const reason = checked.error.issues[0]?.message === "too_long" ? "too_long" : "control_characters";
      refused.push({ ...change, after: replaced.text, reason });
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
  /** The statuses the asker may not change (approved work, for a translator). */
  locked: readonly TranslationStatus[];
  rows: Row[];
  changes: ReplacementPreview[];
  refused: RefusedReplacement[];
}

/** Checks who asks and what, reads the language's translations and computes every change: no lock held. */
export async function planReplace(db: Db, actor: Actor, documentId: string, raw: unknown): Promise<ReplacePlan> {
  const input = parseInput(ReplaceInput, raw);
  const { access } = await requireDocument(db, actor, documentId, input.apply ? "translation.edit" : "project.read");
  assertTarget(access.targetLangs, input.lang);
  const locked = lockedStatuses(access.role, access.policy);
  // A malformed regular expression is refused here, before anything is read.
  compileFind(input);
  const rows = await rowsOf(db, documentId, input.lang);
  await letOthersRun();
  const plan = { input, documentId, locked, rows, ...compute(input, rows, locked) };
  await letOthersRun();
  return plan;
}

/**
 * Writes a plan's changes in one short transaction, as `userId` (whose right to edit planReplace
 * checked), and records them as one bulk edit; `bulkEditId` is null when nothing was written.
 */
export function applyReplace(db: Db, userId: string, plan: ReplacePlan) {
  const { input, documentId, locked } = plan;
  return db.$transaction(
    async (tx) => {
      let result = { changes: plan.changes, refused: plan.refused };
      // Copies: an attempt PostgreSQL aborts and runs again (serializable.ts) starts from the plan as read.
      const byId = new Map(plan.rows.map((r) => [r.segmentId, { ...r }]));
      // Paragraphs saved since they were read: computed again on what they hold now (one approved
      // meanwhile is then locked, one whose occurrences were chosen is then "changed").
      const moved = await changedSince(
        tx,
        plan.changes.map((c) => ({ ...byId.get(c.segmentId)!, lang: input.lang })),
      );
      if (moved.length > 0) {
        for (const row of moved) Object.assign(byId.get(row.segmentId)!, row);
        const segmentIds = plan.changes.map((c) => c.segmentId);
        const again = compute({ ...input, segmentIds }, [...byId.values()], locked);
        result = {
          changes: again.changes,
          refused: [...plan.refused, ...again.refused].sort((a, b) => a.position - b.position),
        };
      }
      const now = new Date();
      const before = result.changes.map((c) => byId.get(c.segmentId)!);
      await writeTranslations(
        tx,
        result.changes.map((c, i) => {
          const row = before[i];
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
      const bulkEditId = await recordBulkEdit(tx, {
        documentId,
        lang: input.lang,
        find: input.find,
        replace: input.replace,
        authorId: userId,
        createdAt: now,
        entries: before.map((row) => ({
          translationId: row.id,
          version: row.version + 1,
          textBefore: row.text,
          statusBefore: row.status,
        })),
      });
      return { applied: true, bulkEditId, ...result };
    },
    { timeout: 60_000 },
  );
}

export async function findReplace(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const plan = await planReplace(db, actor, documentId, raw);
  if (!plan.input.apply) return { applied: false, bulkEditId: null, changes: plan.changes, refused: plan.refused };
  const result = await applyReplace(db, actor.userId, plan);
  if (result.changes.length > 0) {
    const segmentIds = listedSegments(result.changes.map((c) => c.segmentId));
    const data = { change: "translations" as const, lang: plan.input.lang, reason: "replace", segmentIds };
    await publishLive(db, { type: "document.changed", documentId: plan.documentId, actorId: actor.userId, data });
  }
  return result;
}
