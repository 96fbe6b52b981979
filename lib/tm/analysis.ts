// Analysis of a document against the memories, per target language, as translators quote by it:
// every sentence in a band (bands.ts) by its best match, its words and characters counted, and a
// total weighted by the project's weights. A sentence repeated in the document counts in full
// where it first occurs and as a repetition after; a paragraph whose whole text is in a memory puts
// all its sentences in that match's band.
import { stringify } from "csv-stringify/sync";
import type { Db } from "../db/client";
import { countWords } from "../segments/word-count";
import { BAND_LABELS, type Band, bandOf, bands, DEFAULT_WEIGHTS } from "./bands";
import type { CandidateOptions } from "./candidates";
import { readDocumentParagraphs } from "./context";
import { type LookupText, lookupTexts, newLookupSession } from "./lookup";
import { normalizedHash, normalizeText } from "./normalize";

/** The lowest match analysis counts (the 50–74 band's floor). */
export const ANALYSIS_THRESHOLD = 50;

export interface AnalysisItem {
  words: number;
  characters: number;
  band: Band;
}

export interface BandTotals {
  band: Band;
  /** Sentences in the band. */
  segments: number;
  words: number;
  /** Characters without white space. */
  characters: number;
  /** Percent of a new word's price. */
  weight: number;
  weightedWords: number;
}

export interface AnalysisSummary {
  bands: BandTotals[];
  total: { segments: number; words: number; characters: number; weightedWords: number };
}

export interface DocumentAnalysis extends AnalysisSummary {
  documentId: string;
  targetLang: string;
  weights: Record<Band, number>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Totals per band (every band, in order, even empty ones) and overall. */
export function summarizeAnalysis(
  items: AnalysisItem[],
  weights: Record<Band, number> = DEFAULT_WEIGHTS,
): AnalysisSummary {
  const byBand = new Map(bands.map((band) => [band, { band, segments: 0, words: 0, characters: 0 }]));
  for (const item of items) {
    const totals = byBand.get(item.band)!;
    totals.segments++;
    totals.words += item.words;
    totals.characters += item.characters;
  }
  const rows = bands.map((band) => {
    const t = byBand.get(band)!;
    return { ...t, weight: weights[band], weightedWords: round2((t.words * weights[band]) / 100) };
  });
  const sum = (key: "segments" | "words" | "characters" | "weightedWords") => rows.reduce((s, r) => s + r[key], 0);
  return {
    bands: rows,
    total: {
      segments: sum("segments"),
      words: sum("words"),
      characters: sum("characters"),
      weightedWords: round2(sum("weightedWords")),
    },
  };
}

/** Lookups made together: few statements, modest candidate lists. */
const BATCH = 400;
/**
 * Analysis needs the best match only, of many sentences, and bands it coarsely: fewer and shorter
 * word lists and fewer candidates per sentence than the match panel (bench/tm.ts compares them).
 */
const ANALYSIS_CANDIDATES: CandidateOptions = { probes: 4, maxPostings: 800, perText: 6 };

interface Pending {
  item: AnalysisItem;
  text: LookupText;
}

/** The analysis of a document into `targetLang` against the given memories; null if there is no such document. */
export async function analyseDocument(
  db: Db,
  input: { documentId: string; targetLang: string; memoryIds: string[]; weights?: Record<Band, number> },
): Promise<DocumentAnalysis | null> {
  const read = await readDocumentParagraphs(db, input.documentId, input.targetLang);
  if (!read) return null;
  const lang = read.document.sourceLang;
  const base = {
    memoryIds: input.memoryIds,
    targetLang: input.targetLang,
    sourceLang: lang,
    documentId: input.documentId,
  };
  const items: AnalysisItem[] = [];
  const seen = new Set<string>();
  // Sentences of a paragraph that might be in a memory whole, and the ones to look up one by one.
  const wholeParagraphs: { text: LookupText; items: AnalysisItem[] }[] = [];
  const single: Pending[] = [];
  for (const p of read.paragraphs) {
    const fresh: Pending[] = [];
    p.context.sentences.forEach((s, k) => {
      const normalized = normalizeText(s.text);
      const item: AnalysisItem = {
        words: countWords(s.text, lang),
        characters: normalized.replace(/\s/g, "").length,
        band: "none",
      };
      items.push(item);
      const hash = normalizedHash(normalized);
      if (seen.has(hash)) item.band = "repetitions";
      else {
        seen.add(hash);
        fresh.push({ item, text: { text: s.text, ...p.context.sentenceContext[k] } });
      }
    });
    if (p.context.sentences.length > 1 && fresh.length > 0)
      wholeParagraphs.push({ text: { text: p.source, ...p.context.paragraph }, items: fresh.map((f) => f.item) });
    single.push(...fresh);
  }

  // A paragraph found whole (by its hash: cheap) settles its sentences.
  const settled = new Set<AnalysisItem>();
  for (let i = 0; i < wholeParagraphs.length; i += BATCH) {
    const batch = wholeParagraphs.slice(i, i + BATCH);
    const found = await lookupTexts(
      db,
      batch.map((w) => w.text),
      { ...base, fuzzy: false, diff: false, limit: 1, threshold: ANALYSIS_THRESHOLD },
    );
    found.forEach(([best], k) => {
      if (!best) return;
      for (const item of batch[k].items) {
        item.band = bandOf(best.score);
        settled.add(item);
      }
    });
  }
  const todo = single.filter((s) => !settled.has(s.item));
  const session = newLookupSession();
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const found = await lookupTexts(
      db,
      batch.map((b) => b.text),
      { ...base, diff: false, limit: 1, threshold: ANALYSIS_THRESHOLD, candidates: ANALYSIS_CANDIDATES, session },
    );
    found.forEach(([best], k) => {
      batch[k].item.band = bandOf(best?.score ?? null);
    });
  }
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  return { documentId: input.documentId, targetLang: input.targetLang, weights, ...summarizeAnalysis(items, weights) };
}

const CSV_COLUMNS = ["band", "label", "segments", "words", "characters", "weight_percent", "weighted_words"];

/** One row per band and a total, for a spreadsheet. */
export function analysisCsv(analysis: AnalysisSummary): string {
  const rows = analysis.bands.map((b) => [
    b.band,
    BAND_LABELS[b.band],
    b.segments,
    b.words,
    b.characters,
    b.weight,
    b.weightedWords,
  ]);
  const t = analysis.total;
  rows.push(["total", "Total", t.segments, t.words, t.characters, "", t.weightedWords]);
  return stringify([CSV_COLUMNS, ...rows]);
}

/** The analysis as a JSON document (what the API answers and the JSON download holds). */
export function analysisJson(analysis: DocumentAnalysis) {
  return {
    documentId: analysis.documentId,
    targetLang: analysis.targetLang,
    unit: "sentence",
    bands: analysis.bands.map((b) => ({ ...b, label: BAND_LABELS[b.band] })),
    total: analysis.total,
    weights: analysis.weights,
  };
}
