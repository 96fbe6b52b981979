// Concordance: where a phrase occurs in the memories' sources or targets, anywhere in a word and in
// any case, newest first, a page at a time, with the phrase's places in each text for highlighting.
import { z } from "zod";
import type { Db } from "../db/client";
import { parseInput } from "../parse-input";
import type { Side } from "./fts5";
import { memoryIndexFor } from "./memory-index";
import { foldCase, normalizeText } from "./normalize";

export const MAX_QUERY_LENGTH = 500;
/** The trigram index finds nothing shorter: a query must have this many characters. */
export const MIN_QUERY_LENGTH = 3;
export const MAX_PAGE = 100;
/** Hits are counted up to this many ("more than 1,000"): counting every "державної" is no one's need. */
export const COUNT_LIMIT = 1000;

export const ConcordanceInput = z.object({
  memoryIds: z.array(z.string()),
  targetLang: z.string().min(2).max(20),
  /** Normalised (NFC, white space) before it is measured. */
  query: z
    .string()
    .transform(normalizeText)
    .pipe(z.string().min(1, { message: "query_empty" }).max(MAX_QUERY_LENGTH, { message: "query_too_long" })),
  side: z.enum(["source", "target"]).default("source"),
  limit: z.number().int().min(1).max(MAX_PAGE).default(20),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ConcordanceInput = z.input<typeof ConcordanceInput>;

export interface Highlight {
  start: number;
  end: number;
}

export interface ConcordanceHit {
  unitId: number;
  source: string;
  target: string;
  /** Where the phrase is in the searched side's text (UTF-16 offsets, [start, end)). */
  highlights: Highlight[];
  kind: string;
  status: string;
  memoryId: string;
  originDocumentId: string | null;
  updatedAt: Date;
}

export interface ConcordanceResult {
  query: string;
  side: Side;
  hits: ConcordanceHit[];
  /** Units with the phrase, counted up to COUNT_LIMIT; `totalIsExact` false means "at least". */
  total: number;
  totalIsExact: boolean;
  limit: number;
  offset: number;
  /** The query was too short, or only punctuation: nothing was searched. */
  tooShort: boolean;
}

/** Every place of `phrase` in `text`, case folded, not overlapping. */
export function highlightsOf(text: string, phrase: string): Highlight[] {
  const haystack = foldCase(text);
  const needle = foldCase(phrase);
  const out: Highlight[] = [];
  if (needle === "") return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
    out.push({ start: at, end: at + needle.length });
  return out;
}

/**
 * Searches the given memories (the caller has checked that the asker may read them). An empty
 * query or one over MAX_QUERY_LENGTH characters is refused; one too short for the index, or of
 * punctuation only, finds nothing rather than everything.
 */
export async function searchConcordance(db: Db, raw: ConcordanceInput): Promise<ConcordanceResult> {
  const input = parseInput(ConcordanceInput, raw);
  const query = input.query;
  const empty = {
    query,
    side: input.side,
    hits: [],
    total: 0,
    totalIsExact: true,
    limit: input.limit,
    offset: input.offset,
  };
  const tooShort = query.length < MIN_QUERY_LENGTH || !/[\p{L}\p{N}]/u.test(query);
  if (tooShort || input.memoryIds.length === 0) return { ...empty, tooShort };

  const found = await memoryIndexFor(db).phraseSearch(
    input.side,
    query,
    { memoryIds: input.memoryIds, targetLang: input.targetLang },
    { limit: input.limit, offset: input.offset },
    COUNT_LIMIT,
  );
  const units = await db.memoryUnit.findMany({ where: { id: { in: found.ids } } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const hits = found.ids.flatMap((id) => {
    const u = byId.get(id);
    if (!u) return [];
    return [
      {
        unitId: u.id,
        source: u.source,
        target: u.target,
        highlights: highlightsOf(input.side === "source" ? u.source : u.target, query),
        kind: u.kind,
        status: u.status,
        memoryId: u.memoryId,
        originDocumentId: u.originDocumentId,
        updatedAt: u.updatedAt,
      },
    ];
  });
  return { ...empty, hits, total: found.total, totalIsExact: found.totalIsExact, tooShort: false };
}
