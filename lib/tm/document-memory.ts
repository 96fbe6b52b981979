// A document and the memory, as a project member asks: pre-translation (fill untranslated
// paragraphs from the memories the project reads) and the analysis (words per match band).
// Reads and decisions come first, outside any transaction; the writes then go in one short one.
import { z } from "zod";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import { maySetStatus } from "../auth/permissions";
import type { Db } from "../db/client";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import { changedSince, storedTranslations, writeFilledTranslations } from "../translations/bulk";
import { analyseDocument } from "./analysis";
import { projectMemoryIds } from "./memories";
import { lookupDocument, planPretranslation } from "./pretranslate";
import { memorySettings } from "./settings";

export const PretranslateInput = z.object({
  target: z.string().min(1).max(20).describe("The target language to fill"),
  apply: z.boolean().default(true).describe("false: only say what would be filled"),
});

/**
 * Fills every paragraph of the document that has no text in `target` with its best match at or
 * above the project's threshold: identical confirmed ones as translated (project setting, and when
 * the asker's role may set it), others as drafts. Text already there is never overwritten, also
 * text saved while the matches were looked up.
 */
export async function pretranslateDocument(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const { access } = await requireDocument(db, actor, documentId, "translation.edit");
  const input = parseInput(PretranslateInput, raw);
  assertTarget(access.targetLangs, input.target, "target");
  const [memoryIds, settings] = await Promise.all([
    projectMemoryIds(db, access.projectId),
    memorySettings(db, access.projectId),
  ]);
  const found = await lookupDocument(db, documentId, {
    memoryIds,
    targetLang: input.target,
    threshold: settings.threshold,
  });
  const paragraphs = found?.paragraphs ?? [];
  const exactAsTranslated = settings.exactAsTranslated && maySetStatus(access.role, "translated", access.policy);
  const plan = planPretranslation(paragraphs, found?.lookups ?? new Map(), {
    threshold: settings.threshold,
    exactAsTranslated,
  });
  const position = new Map(
    (await db.segment.findMany({ where: { documentId }, select: { id: true, position: true } })).map((s) => [
      s.id,
      s.position,
    ]),
  );
  const answer = (applied: boolean, fills = plan.fills) => ({
    applied,
    summary: plan.summary,
    fills: fills.map((f) => ({
      segmentId: f.segmentId,
      position: position.get(f.segmentId) ?? 0,
      score: f.score,
      status: f.status,
      from: f.from,
      numbersReplaced: f.numbersReplaced,
    })),
  });
  if (!input.apply || plan.fills.length === 0) return answer(false);

  const stored = new Map(
    (await storedTranslations(db, documentId, input.target)).map((t) => [t.segmentId, t] as const),
  );
  const names = new Map(
    (await db.memory.findMany({ where: { id: { in: memoryIds } }, select: { id: true, name: true } })).map((m) => [
      m.id,
      m.name,
    ]),
  );
  const now = new Date();
  const written = await db.$transaction(async (tx) => {
    // A copy per attempt: rows made by an attempt PostgreSQL aborts (lib/db/serializable.ts) are
    // gone, and the next one must make them again (it wrote nothing to them: the fills vanished).
    const rows = new Map(stored);
    // A language added after the document has no rows yet: made empty, then written like the others.
    const missing = plan.fills.filter((f) => !rows.has(f.segmentId));
    for (const f of missing) {
      const row = await tx.translation.create({
        data: { segmentId: f.segmentId, documentId, lang: input.target },
        select: { id: true, segmentId: true, lang: true, text: true, status: true, version: true },
      });
      rows.set(f.segmentId, row);
    }
    const moved = new Set(
      (
        await changedSince(
          tx,
          plan.fills.map((f) => ({ ...rows.get(f.segmentId)!, lang: input.target })),
        )
      ).map((t) => t.segmentId),
    );
    const fills = plan.fills.filter((f) => !moved.has(f.segmentId));
    // Each fill keeps where it came from and at what percentage (lib/translations/origin.ts).
    await writeFilledTranslations(
      tx,
      fills.map((f) => {
        const row = rows.get(f.segmentId)!;
        return {
          id: row.id,
          text: f.text,
          status: f.status,
          version: row.version + 1,
          updatedById: actor.userId,
          updatedAt: now,
          origin: "memory",
          score: f.score,
          name:
            f.memoryIds
              .map((id) => names.get(id) ?? "")
              .filter(Boolean)
              .join(", ") || null,
          segmentId: null,
        };
      }),
    );
    return fills;
  });
  const result = answer(true, written);
  result.summary = { ...plan.summary, filled: written.length };
  return result;
}

export const AnalysisQuery = z.object({ target: z.string().min(1).max(20) });

/** The document's analysis into `target` against the memories its project reads, with the project's weights. */
export async function documentAnalysis(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const { access, document } = await requireDocument(db, actor, documentId, "project.read");
  const { target } = parseInput(AnalysisQuery, raw);
  assertTarget(access.targetLangs, target, "target");
  const [memoryIds, settings] = await Promise.all([
    projectMemoryIds(db, access.projectId),
    memorySettings(db, access.projectId),
  ]);
  const analysis = await analyseDocument(db, {
    documentId,
    targetLang: target,
    memoryIds,
    weights: settings.analysisWeights,
  });
  // The document was found a moment ago; it may have been deleted since.
  return { document, analysis: analysis! };
}
