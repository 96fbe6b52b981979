// Matches from the memories a project reads, for a paragraph and each of its sentences: exact ones
// by the source's hash, fuzzy ones from the words index (candidates.ts), every one scored exactly
// (score.ts), at or above the threshold, best first, at most `limit`. No permission checks: the
// caller decides which memories the asker may read.
import { type Db, Prisma } from "../db/client";
import { type DiffPart, wordDiff } from "../diff/word-diff";
import { type CandidateOptions, DEFAULT_CANDIDATES, findCandidates, RANKED_ROUNDS } from "./candidates";
import { paragraphContext, readSegmentWithNeighbours } from "./context";
import { memoryIndexFor } from "./memory-index";
import { normalizedHash } from "./normalize";
import {
  compareMatches,
  type MatchScore,
  mayReach,
  type Penalty,
  type PreparedText,
  prepareSource,
  prepareText,
  scoreMatch,
  sourceSimilarity,
} from "./score";

export const DEFAULT_THRESHOLD = 70;
export const DEFAULT_LIMIT = 5;

export interface LookupText {
  text: string;
  /** contextHash() of the previous and next source text, for context (101 %) matches. */
  prevHash?: string;
  nextHash?: string;
}

export interface LookupOptions {
  memoryIds: string[];
  targetLang: string;
  /** The source language: words for the diff are found by its rules. */
  sourceLang: string;
  /** The document being translated (a unit from another one costs a point). */
  documentId?: string | null;
  threshold?: number;
  limit?: number;
  /** Compute each match's word diff (default true; analysis does not need it). */
  diff?: boolean;
  /** Look for fuzzy matches too (default true); false: identical sources only, by their hash. */
  fuzzy?: boolean;
  candidates?: CandidateOptions;
  /** Shared by the lookups of one analysis or pre-translation (newLookupSession()). */
  session?: LookupSession;
}

/**
 * What the many lookups of one analysis or pre-translation share: the words no unit has (looked up
 * once in the run, not once a batch) and the units' prepared sources.
 */
export interface LookupSession {
  absentWords: Set<string>;
  prepared: Map<number, PreparedText>;
}

export const newLookupSession = (): LookupSession => ({ absentWords: new Set(), prepared: new Map() });
/** Prepared sources a session keeps, at most (then it starts again). */
const SESSION_PREPARED = 50_000;

export interface Match {
  unitId: number;
  score: number;
  /** The unit's source, and the target to insert (its numbers replaced when `numbersReplaced`). */
  source: string;
  target: string;
  /** From the unit's source to the current one: `removed` words are the unit's, `added` the current text's. */
  diff: DiffPart[];
  numbersReplaced: boolean;
  penalties: Penalty[];
  /** The sources are identical after normalisation (100 %, or less only for penalties). */
  exact: boolean;
  context: boolean;
  kind: string;
  status: string;
  origin: {
    memoryId: string;
    documentId: string | null;
    segmentId: string | null;
    sentenceIndex: number | null;
  };
  author: { id: string | null; name: string | null };
  updatedAt: Date;
}

/** What a lookup reads of a unit. */
type MemoryUnit = Omit<Prisma.MemoryUnitModel, "sourceLang" | "createdAt">;

// Read with a raw query: Prisma's findMany costs twice as much for the same rows, and a lookup reads
// a hundred or so.
async function readUnits(db: Db, where: Prisma.Sql): Promise<MemoryUnit[]> {
  const rows = await db.$queryRaw<(MemoryUnit & { id: number | bigint; sentenceIndex: number | bigint | null })[]>`
    SELECT "id", "memoryId", "kind", "targetLang", "source", "target", "sourceHash", "status", "authorId",
      "authorName", "originDocumentId", "originSegmentId", "sentenceIndex", "prevHash", "nextHash", "updatedAt"
    FROM "MemoryUnit" WHERE ${where}`;
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    sentenceIndex: r.sentenceIndex === null ? null : Number(r.sentenceIndex),
    updatedAt: new Date(r.updatedAt),
  }));
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Matches for each text, in the order given. */
export async function lookupTexts(db: Db, texts: LookupText[], options: LookupOptions): Promise<Match[][]> {
  if (texts.length === 0) return [];
  if (options.memoryIds.length === 0) return texts.map(() => []);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const candidateOptions = options.candidates ?? DEFAULT_CANDIDATES;
  const current = texts.map((t) =>
    prepareSource(t.text, { prevHash: t.prevHash, nextHash: t.nextHash, documentId: options.documentId }),
  );
  const hashes = current.map((c) => normalizedHash(c.normalized));

  const rows = new Map<number, MemoryUnit>();
  const perText: number[][] = texts.map(() => []);
  const exact = (
    await Promise.all(
      chunks([...new Set(hashes)], 500).map((batch) =>
        readUnits(
          db,
          Prisma.sql`"memoryId" IN (${Prisma.join(options.memoryIds)}) AND "targetLang" = ${options.targetLang} AND "sourceHash" IN (${Prisma.join(batch)})`,
        ),
      ),
    )
  ).flat();
  for (const row of exact) rows.set(row.id, row);
  hashes.forEach((hash, i) => {
    for (const row of exact) if (row.sourceHash === hash) perText[i].push(row.id);
  });

  // Asked for the best match only, a text with a confirmed identical unit has it: nothing fuzzy
  // can score higher (at most 99, and an identical unit ties it with more similarity).
  const settled = texts.map((_, i) => limit === 1 && perText[i].some((id) => rows.get(id)!.status !== "draft"));
  const searched = current.flatMap((c, i) => (options.fuzzy === false || settled[i] ? [] : [{ c, i }]));
  const ranked: number[][] = texts.map(() => []);
  if (searched.length > 0) {
    const found = await findCandidates(
      memoryIndexFor(db),
      db,
      searched.map(({ c }) => c.tokens),
      candidateOptions,
      options.session?.absentWords,
    );
    searched.forEach(({ i }, k) => {
      ranked[i] = found[k];
    });
  }
  // Read candidates a round at a time; a text whose first round was mostly other memories' reads on.
  const allowed = texts.map(() => 0);
  const seen = new Set<number>();
  for (let round = 0; round < RANKED_ROUNDS; round++) {
    const wanted = new Set<number>();
    ranked.forEach((ids, i) => {
      if (round > 0 && allowed[i] >= candidateOptions.perText) return;
      for (const id of ids.slice(round * candidateOptions.perText, (round + 1) * candidateOptions.perText))
        if (!seen.has(id)) wanted.add(id);
    });
    if (wanted.size === 0) break;
    for (const id of wanted) seen.add(id);
    // By id alone, and filtered here: given the memory and language too, SQLite would rather walk
    // the memory's whole (memoryId, targetLang) index than look a few rows up by id.
    const found = (
      await Promise.all(
        chunks([...wanted], 2000).map((batch) => readUnits(db, Prisma.sql`"id" IN (${Prisma.join(batch)})`)),
      )
    ).flat();
    const memories = new Set(options.memoryIds);
    for (const row of found)
      if (memories.has(row.memoryId) && row.targetLang === options.targetLang) rows.set(row.id, row);
    ranked.forEach((ids, i) => {
      if (round > 0 && allowed[i] >= candidateOptions.perText) return;
      for (const id of ids.slice(round * candidateOptions.perText, (round + 1) * candidateOptions.perText))
        if (rows.has(id)) {
          perText[i].push(id);
          allowed[i]++;
        }
    });
  }

  const preparedUnits = options.session?.prepared ?? new Map<number, PreparedText>();
  if (preparedUnits.size > SESSION_PREPARED) preparedUnits.clear();
  return current.map((source, i) => {
    const scored: { match: MatchScore; unit: MemoryUnit }[] = [];
    for (const id of new Set(perText[i])) {
      const unit = rows.get(id)!;
      let prepared = preparedUnits.get(id);
      if (!prepared) {
        prepared = prepareText(unit.source);
        preparedUnits.set(id, prepared);
      }
      if (!mayReach(source, prepared, threshold)) continue;
      const match = scoreMatch(source, unit, prepared, false);
      if (match.score < threshold) continue;
      match.similarity = sourceSimilarity(source, prepared);
      scored.push({ match, unit });
    }
    return scored
      .sort(compareMatches)
      .slice(0, limit)
      .map(({ match, unit }) =>
        toMatch(unit, match, options.diff === false ? [] : wordDiff(unit.source, texts[i].text, options.sourceLang)),
      );
  });
}

function toMatch(unit: MemoryUnit, match: MatchScore, diff: DiffPart[]): Match {
  return {
    unitId: unit.id,
    score: match.score,
    source: unit.source,
    target: match.target,
    diff,
    numbersReplaced: match.numbersReplaced,
    penalties: match.penalties,
    exact: match.exact,
    context: match.context,
    kind: unit.kind,
    status: unit.status,
    origin: {
      memoryId: unit.memoryId,
      documentId: unit.originDocumentId,
      segmentId: unit.originSegmentId,
      sentenceIndex: unit.sentenceIndex,
    },
    author: { id: unit.authorId, name: unit.authorName },
    updatedAt: unit.updatedAt,
  };
}

export interface SegmentMatches {
  segmentId: string;
  /** Matches for the whole paragraph. */
  paragraph: Match[];
  /** Matches for each sentence, when the paragraph has more than one. */
  sentences: { index: number; text: string; start: number; end: number; matches: Match[] }[];
  /** Everything in one list, as the API answers it: the paragraph's first, then each sentence's. */
  matches: (Match & { sentence?: number })[];
}

export type SegmentLookupOptions = Omit<LookupOptions, "sourceLang" | "documentId">;

/** Matches for one segment and each of its sentences, with context from its neighbours; null if there is no such segment. */
export async function lookupSegmentMatches(
  db: Db,
  segmentId: string,
  options: SegmentLookupOptions,
): Promise<SegmentMatches | null> {
  const found = await readSegmentWithNeighbours(db, segmentId);
  if (!found) return null;
  const { segment, neighbours } = found;
  const context = paragraphContext(segment.document.sourceLang, neighbours);
  const sentences = context.sentences.length > 1 ? context.sentences : [];
  const texts: LookupText[] = [
    { text: segment.source, ...context.paragraph },
    ...sentences.map((s, i) => ({ text: s.text, ...context.sentenceContext[i] })),
  ];
  const [paragraph, ...bySentence] = await lookupTexts(db, texts, {
    ...options,
    sourceLang: segment.document.sourceLang,
    documentId: segment.documentId,
  });
  return {
    segmentId,
    paragraph,
    sentences: sentences.map((s, index) => ({
      index,
      text: s.text,
      start: s.start,
      end: s.end,
      matches: bySentence[index],
    })),
    matches: [...paragraph, ...bySentence.flatMap((matches, sentence) => matches.map((m) => ({ ...m, sentence })))],
  };
}
