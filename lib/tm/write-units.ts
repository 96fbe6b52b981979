// A confirmed paragraph goes into its project's working memory: one unit for the paragraph and,
// when its sentences can be paired with the translation's (the same number, or a confident
// length-based alignment, align.ts), one unit per sentence pair. Called after the save has
// committed, never inside its statement: a slow memory must not slow a save, and a save must not
// fail because of the memory.
import type { Db } from "../db/client";
import { splitSentences } from "../segments/sentences";
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";
import { alignSentences, confidentPairs } from "./align";
import { type ContextHashes, paragraphContext, readSegmentWithNeighbours } from "./context";
import { workingMemory } from "./memories";
import { textHash } from "./normalize";

export interface UnitDraft {
  kind: "paragraph" | "sentence";
  source: string;
  target: string;
  sentenceIndex: number | null;
  context: ContextHashes;
}

export interface WriteUnitsResult {
  /** The working memory written to; null when nothing was written or removed. */
  memoryId: string | null;
  /** Units added or updated (the paragraph's and its sentences'). */
  written: number;
  /** Sentence units of an earlier confirmation of this paragraph that no longer hold. */
  removed: number;
  /** How the sentences were paired: single (one sentence), equal (same count), length (aligned), none. */
  alignment: "single" | "equal" | "length" | "none";
}

const NOTHING: WriteUnitsResult = { memoryId: null, written: 0, removed: 0, alignment: "none" };

/** The units of one paragraph and its translation (pure: what writeParagraphUnits stores). */
export function paragraphUnits(
  sourceLang: string,
  targetLang: string,
  neighbours: { source: string; prev: string | null; next: string | null },
  target: string,
): { units: UnitDraft[]; alignment: WriteUnitsResult["alignment"] } {
  const context = paragraphContext(sourceLang, neighbours);
  const units: UnitDraft[] = [
    { kind: "paragraph", source: neighbours.source, target, sentenceIndex: null, context: context.paragraph },
  ];
  if (context.sentences.length <= 1) return { units, alignment: "single" };
  const targetSentences = splitSentences(target, targetLang);
  const pairs = alignSentences(
    context.sentences.map((s) => s.text),
    targetSentences.map((s) => s.text),
  );
  const alignment = context.sentences.length === targetSentences.length ? "equal" : "length";
  const seen = new Set([textHash(neighbours.source)]);
  for (const pair of confidentPairs(pairs)) {
    const i = pair.source[0];
    const source = context.sentences[i].text;
    // A sentence repeated within the paragraph is one unit (its first occurrence).
    const hash = textHash(source);
    if (seen.has(hash)) continue;
    seen.add(hash);
    units.push({
      kind: "sentence",
      source,
      target: targetSentences[pair.target[0]].text,
      sentenceIndex: i,
      context: context.sentenceContext[i],
    });
  }
  return { units, alignment: units.length > 1 ? alignment : "none" };
}

/**
 * Writes (or updates, or withdraws) the working-memory units of one paragraph's translation into
 * `lang`, as the database has it now: translated, reviewed and approved text is written; a rejected
 * one is withdrawn; new and draft text is left alone. Units are keyed by their normalised source, so
 * confirming again updates them and never duplicates one. Everything in one transaction.
 */
export async function writeParagraphUnits(db: Db, segmentId: string, lang: string): Promise<WriteUnitsResult> {
  const [found, translation] = await Promise.all([
    readSegmentWithNeighbours(db, segmentId),
    db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } }),
  ]);
  if (!found || !translation) return NOTHING;
  const { segment, neighbours } = found;
  const status = translation.status as TranslationStatus;
  const done = DONE_STATUSES.includes(status) && translation.text.trim() !== "";
  if (!done && status !== "rejected") return NOTHING;
  const memory = await workingMemory(db, segment.document.projectId);
  const { units, alignment } = done
    ? paragraphUnits(segment.document.sourceLang, lang, neighbours, translation.text)
    : { units: [], alignment: "none" as const };
  const hashes = units.map((u) => textHash(u.source));
  return db.$transaction(async (tx) => {
    for (const [i, u] of units.entries()) {
      const data = {
        kind: u.kind,
        source: u.source,
        target: u.target,
        sourceLang: segment.document.sourceLang,
        status,
        authorId: translation.updatedById,
        authorName: null,
        originDocumentId: segment.documentId,
        originSegmentId: segmentId,
        sentenceIndex: u.sentenceIndex,
        prevHash: u.context.prevHash,
        nextHash: u.context.nextHash,
      };
      await tx.memoryUnit.upsert({
        where: { memoryId_targetLang_sourceHash: { memoryId: memory.id, targetLang: lang, sourceHash: hashes[i] } },
        update: data,
        create: { ...data, memoryId: memory.id, targetLang: lang, sourceHash: hashes[i] },
      });
    }
    // What this paragraph wrote before and no longer does (its sentences align otherwise now, or it was sent back).
    const { count: removed } = await tx.memoryUnit.deleteMany({
      where: { memoryId: memory.id, targetLang: lang, originSegmentId: segmentId, sourceHash: { notIn: hashes } },
    });
    return { memoryId: memory.id, written: units.length, removed, alignment };
  });
}
