// What a paragraph's units remember of their neighbours, and what a lookup compares: the hashes of
// the previous and next source text in reading order. A paragraph's neighbours are the paragraphs
// around it; a sentence's are the sentences around it, across paragraph boundaries (the first
// sentence's previous one is the last of the paragraph before).
import type { Db, Tx } from "../db/client";
import { type Sentence, splitSentences } from "../segments/sentences";
import { contextHash } from "./normalize";

export interface Neighbours {
  source: string;
  /** The sources of the paragraphs before and after; null at the start or end of the document. */
  prev: string | null;
  next: string | null;
}

export interface ContextHashes {
  prevHash: string;
  nextHash: string;
}

export interface ParagraphContext {
  sentences: Sentence[];
  paragraph: ContextHashes;
  /** One per sentence. */
  sentenceContext: ContextHashes[];
}

function contextOf(
  sentences: Sentence[],
  p: Neighbours,
  before: Sentence[] | null,
  after: Sentence[] | null,
): ParagraphContext {
  const last = before === null ? null : (before.at(-1)?.text ?? null);
  const first = after === null ? null : (after[0]?.text ?? null);
  return {
    sentences,
    paragraph: { prevHash: contextHash(p.prev), nextHash: contextHash(p.next) },
    sentenceContext: sentences.map((_, i) => ({
      prevHash: contextHash(i > 0 ? sentences[i - 1].text : last),
      nextHash: contextHash(i < sentences.length - 1 ? sentences[i + 1].text : first),
    })),
  };
}

export function paragraphContext(lang: string, p: Neighbours): ParagraphContext {
  const split = (text: string | null) => (text === null ? null : splitSentences(text, lang));
  return contextOf(splitSentences(p.source, lang), p, split(p.prev), split(p.next));
}

/** The context of every paragraph of a document, given its sources in order (each split once). */
export function documentContexts(lang: string, sources: string[]): ParagraphContext[] {
  const sentences = sources.map((s) => splitSentences(s, lang));
  return sources.map((source, i) =>
    contextOf(
      sentences[i],
      { source, prev: i > 0 ? sources[i - 1] : null, next: i < sources.length - 1 ? sources[i + 1] : null },
      i > 0 ? sentences[i - 1] : null,
      i < sources.length - 1 ? sentences[i + 1] : null,
    ),
  );
}

/** A document's paragraphs in order, with their translation into `lang` and their context. */
export async function readDocumentParagraphs(db: Db | Tx, documentId: string, lang: string) {
  const document = await db.document.findUnique({ where: { id: documentId } });
  if (!document) return null;
  const [segments, translations] = await Promise.all([
    db.segment.findMany({
      where: { documentId },
      orderBy: { position: "asc" },
      select: { id: true, source: true, kind: true },
    }),
    db.translation.findMany({ where: { documentId, lang }, select: { segmentId: true, text: true, status: true } }),
  ]);
  const bySegment = new Map(translations.map((t) => [t.segmentId, { text: t.text, status: t.status }]));
  const contexts = documentContexts(
    document.sourceLang,
    segments.map((s) => s.source),
  );
  return {
    document,
    paragraphs: segments.map((s, i) => ({ ...s, translation: bySegment.get(s.id) ?? null, context: contexts[i] })),
  };
}

/** A segment with its document and the sources of the segments before and after it, in one query. */
export async function readSegmentWithNeighbours(db: Db | Tx, segmentId: string) {
  const rows = await db.$queryRaw<
    {
      documentId: string;
      projectId: string;
      sourceLang: string;
      source: string;
      prev: string | null;
      next: string | null;
    }[]
  >`
    SELECT s."documentId", d."projectId", d."sourceLang", s."source",
      (SELECT p."source" FROM "Segment" p WHERE p."documentId" = s."documentId" AND p."position" < s."position"
        ORDER BY p."position" DESC LIMIT 1) AS "prev",
      (SELECT n."source" FROM "Segment" n WHERE n."documentId" = s."documentId" AND n."position" > s."position"
        ORDER BY n."position" ASC LIMIT 1) AS "next"
    FROM "Segment" s JOIN "Document" d ON d."id" = s."documentId"
    WHERE s."id" = ${segmentId}`;
  const row = rows[0];
  if (!row) return null;
  return {
    segment: {
      id: segmentId,
      documentId: row.documentId,
      source: row.source,
      document: { id: row.documentId, projectId: row.projectId, sourceLang: row.sourceLang },
    },
    neighbours: { source: row.source, prev: row.prev, next: row.next },
  };
}
