// Pre-translation of a document from its memories: which untranslated paragraphs get which match,
// and with which status. The plan is a pure function of the lookups (planPretranslation), so what
// is filled is decided, and can be shown, before anything is written; the caller writes it.
import type { Db } from "../db/client";
import { type Band, bandOf } from "./bands";
import { type ParagraphContext, readDocumentParagraphs } from "./context";
import { type LookupText, lookupTexts, type Match, newLookupSession } from "./lookup";

export interface ParagraphLookup {
  /** Best first, as lookups answer them. */
  paragraph: Match[];
  /** One list per sentence (empty when the paragraph has one sentence). */
  sentences: Match[][];
}

export interface PretranslateParagraph {
  id: string;
  translation: { text: string; status: string } | null;
}

export interface PretranslateOptions {
  /** The lowest percentage filled (the project's threshold). */
  threshold: number;
  /** Identical-text matches from confirmed units become "translated" rather than drafts. */
  exactAsTranslated: boolean;
}

export interface PlannedFill {
  segmentId: string;
  text: string;
  status: "translated" | "draft";
  /** The paragraph's match, or the lowest of its sentences' matches. */
  score: number;
  band: Band;
  /** From one paragraph unit, or the paragraph's sentences each from a unit. */
  from: "paragraph" | "sentences";
  unitIds: number[];
  /** The memories of those units, without repeats (the fill's origin). */
  memoryIds: string[];
  numbersReplaced: boolean;
}

export interface PretranslateSummary {
  paragraphs: number;
  /** Paragraphs that already had text: never overwritten. */
  alreadyTranslated: number;
  filled: number;
  translated: number;
  drafts: number;
  noMatch: number;
  /** Filled paragraphs per band of their score. */
  byBand: Partial<Record<Band, number>>;
}

export interface PretranslatePlan {
  fills: PlannedFill[];
  summary: PretranslateSummary;
}

const confirmedExact = (m: Match) => m.exact && m.status !== "draft";

function fillOf(segmentId: string, found: ParagraphLookup, options: PretranslateOptions): PlannedFill | null {
  const best = found.paragraph[0];
  const paragraph = best && best.score >= options.threshold ? best : null;
  const parts = found.sentences.map((list) => list[0]);
  const composed =
    parts.length > 1 && parts.every((m) => m && m.score >= options.threshold) ? (parts as Match[]) : null;
  const composedScore = composed ? Math.min(...composed.map((m) => m.score)) : -1;
  // The whole paragraph's match wins a tie: one unit is one translator's coherent text.
  const useParagraph = paragraph !== null && paragraph.score >= composedScore;
  const used = useParagraph ? [paragraph] : composed;
  if (!used) return null;
  const score = useParagraph ? paragraph.score : composedScore;
  return {
    segmentId,
    text: used.map((m) => m.target).join(" "),
    status: options.exactAsTranslated && used.every(confirmedExact) ? "translated" : "draft",
    score,
    band: bandOf(score),
    from: useParagraph ? "paragraph" : "sentences",
    unitIds: used.map((m) => m.unitId),
    memoryIds: [...new Set(used.map((m) => m.origin.memoryId))],
    numbersReplaced: used.some((m) => m.numbersReplaced),
  };
}

/** What pre-translation would fill: every paragraph without text that has a good enough match. */
export function planPretranslation(
  paragraphs: PretranslateParagraph[],
  lookups: Map<string, ParagraphLookup>,
  options: PretranslateOptions,
): PretranslatePlan {
  const fills: PlannedFill[] = [];
  const summary: PretranslateSummary = {
    paragraphs: paragraphs.length,
    alreadyTranslated: 0,
    filled: 0,
    translated: 0,
    drafts: 0,
    noMatch: 0,
    byBand: {},
  };
  for (const p of paragraphs) {
    if (p.translation && p.translation.text.trim() !== "") {
      summary.alreadyTranslated++;
      continue;
    }
    const found = lookups.get(p.id);
    const fill = found ? fillOf(p.id, found, options) : null;
    if (!fill) {
      summary.noMatch++;
      continue;
    }
    fills.push(fill);
    summary.filled++;
    if (fill.status === "translated") summary.translated++;
    else summary.drafts++;
    summary.byBand[fill.band] = (summary.byBand[fill.band] ?? 0) + 1;
  }
  return { fills, summary };
}

/** How many paragraphs are looked up together: few statements, modest lists. */
const BATCH = 200;

/**
 * Matches for every paragraph of a document (and each of its sentences) that has no text yet in
 * `targetLang`, batched; null when there is no such document.
 */
export async function lookupDocument(
  db: Db,
  documentId: string,
  options: { memoryIds: string[]; targetLang: string; threshold: number; limit?: number },
): Promise<{
  paragraphs: (PretranslateParagraph & { context: ParagraphContext })[];
  lookups: Map<string, ParagraphLookup>;
} | null> {
  const read = await readDocumentParagraphs(db, documentId, options.targetLang);
  if (!read) return null;
  const todo = read.paragraphs.filter((p) => !p.translation || p.translation.text.trim() === "");
  const lookups = new Map<string, ParagraphLookup>();
  const session = newLookupSession();
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const texts: LookupText[] = [];
    const at: { segmentId: string; sentence: number | null }[] = [];
    for (const p of batch) {
      texts.push({ text: p.source, ...p.context.paragraph });
      at.push({ segmentId: p.id, sentence: null });
      if (p.context.sentences.length > 1)
        p.context.sentences.forEach((s, k) => {
          texts.push({ text: s.text, ...p.context.sentenceContext[k] });
          at.push({ segmentId: p.id, sentence: k });
        });
    }
    const results = await lookupTexts(db, texts, {
      memoryIds: options.memoryIds,
      targetLang: options.targetLang,
      sourceLang: read.document.sourceLang,
      documentId,
      threshold: options.threshold,
      limit: options.limit ?? 1,
      diff: false,
      session,
    });
    results.forEach((matches, k) => {
      const { segmentId, sentence } = at[k];
      let found = lookups.get(segmentId);
      if (!found) {
        found = { paragraph: [], sentences: [] };
        lookups.set(segmentId, found);
      }
      if (sentence === null) found.paragraph = matches;
      else found.sentences[sentence] = matches;
    });
  }
  return { paragraphs: read.paragraphs, lookups };
}
