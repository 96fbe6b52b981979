import { type Db, Prisma } from "../db/client";
import { DONE_STATUSES, type TranslationStatus, translationStatuses, zeroByStatus } from "../segments/status";

export interface Progress {
  paragraphs: Record<TranslationStatus, number>;
  words: Record<TranslationStatus, number>;
  totalParagraphs: number;
  totalWords: number;
}

/** Paragraphs and source words per status, for each target language of each document asked for. */
export async function progressByDocument(db: Db, documentIds: string[]): Promise<Map<string, Map<string, Progress>>> {
  const out = new Map<string, Map<string, Progress>>();
  if (documentIds.length === 0) return out;
  // One grouped query (portable SQL: quoted identifiers work in SQLite and PostgreSQL).
  const rows = await db.$queryRaw<
    { documentId: string; lang: string; status: string; n: bigint | number; w: bigint | number | null }[]
  >(Prisma.sql`SELECT t."documentId" AS "documentId", t."lang" AS "lang", t."status" AS "status",
                      COUNT(*) AS "n", SUM(s."wordCount") AS "w"
                 FROM "Translation" t JOIN "Segment" s ON s."id" = t."segmentId"
                WHERE t."documentId" IN (${Prisma.join(documentIds)})
                GROUP BY t."documentId", t."lang", t."status"`);
  for (const row of rows) {
    const byLang = out.get(row.documentId) ?? new Map<string, Progress>();
    out.set(row.documentId, byLang);
    const p = byLang.get(row.lang) ?? {
      paragraphs: zeroByStatus(),
      words: zeroByStatus(),
      totalParagraphs: 0,
      totalWords: 0,
    };
    byLang.set(row.lang, p);
    const status = (translationStatuses as readonly string[]).includes(row.status)
      ? (row.status as TranslationStatus)
      : "new";
    p.paragraphs[status] += Number(row.n);
    p.words[status] += Number(row.w ?? 0);
    p.totalParagraphs += Number(row.n);
    p.totalWords += Number(row.w ?? 0);
  }
  return out;
}

export function doneWords(p: Progress): number {
  return DONE_STATUSES.reduce((sum, s) => sum + p.words[s], 0);
}
