// Find and replace across a document's translations in one language: a preview of every change,
// then one transaction that writes them all, each as a new revision.
import { z } from "zod";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import type { TranslationStatus } from "../segments/status";
import { reanchorNotesIn } from "./save";
import { MAX_TRANSLATION_LENGTH } from "./validation";

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
    .transform((s) => s.normalize("NFC")),
  matchCase: z.boolean().default(false),
  /** Without apply: only the preview. With it: write the changes (optionally only these segments). */
  apply: z.boolean().default(false),
  segmentIds: z.array(z.string()).max(100_000).optional(),
});

export interface ReplacementPreview {
  segmentId: string;
  position: number;
  before: string;
  after: string;
  count: number;
}

function pattern(find: string, matchCase: boolean) {
  // Literal text, not a regular expression; "u" + "i" folds Cyrillic and Kazakh case too.
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped, matchCase ? "gu" : "giu");
}

/** A reviewer's decision no longer covers changed text: it goes back to "translated". */
function statusAfterReplace(status: string): TranslationStatus {
  return status === "reviewed" || status === "approved" ? "translated" : (status as TranslationStatus);
}

export async function findReplace(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const input = parseInput(ReplaceInput, raw);
  const { access } = await requireDocument(db, actor, documentId, input.apply ? "translation.edit" : "project.read");
  assertTarget(access.targetLangs, input.lang);

  const compute = (rows: { segmentId: string; text: string; segment: { position: number } }[]) => {
    const re = pattern(input.find, input.matchCase);
    const only = input.segmentIds ? new Set(input.segmentIds) : null;
    const changes: ReplacementPreview[] = [];
    for (const row of rows) {
      if (only && !only.has(row.segmentId)) continue;
      const count = row.text.match(re)?.length ?? 0;
      if (count === 0) continue;
      const after = row.text.replace(re, () => input.replace);
      if (after.length > MAX_TRANSLATION_LENGTH)
        throw new AppError("invalid_input", { field: "replace", reason: "too_long" });
      changes.push({ segmentId: row.segmentId, position: row.segment.position, before: row.text, after, count });
    }
    return changes.sort((a, b) => a.position - b.position);
  };
  const query = {
    where: { documentId, lang: input.lang },
    include: { segment: { select: { position: true } } },
  } as const;

  if (!input.apply) return { applied: false, changes: compute(await db.translation.findMany(query)) };

  return db.$transaction(
    async (tx) => {
      const rows = await tx.translation.findMany(query);
      const changes = compute(rows);
      const byId = new Map(rows.map((r) => [r.segmentId, r]));
      const now = new Date();
      for (const change of changes) {
        const row = byId.get(change.segmentId)!;
        const status = statusAfterReplace(row.status);
        // Recorded in history by the database (a trigger writes the revision of each new version).
        await tx.translation.update({
          where: { id: row.id },
          data: { text: change.after, status, version: row.version + 1, updatedById: actor.userId, updatedAt: now },
        });
        await reanchorNotesIn(tx, row.segmentId, input.lang, change.after);
      }
      return { applied: true, changes };
    },
    { timeout: 120_000 },
  );
}
