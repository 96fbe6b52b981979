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

export function paragraphContext(lang: string, p: Neighbours): ParagraphContext {
  const sentences = splitSentences(p.source, lang);
  const before = p.prev === null ? null : (splitSentences(p.prev, lang).at(-1)?.text ?? null);
  const after = p.next === null ? null : (splitSentences(p.next, lang)[0]?.text ?? null);
  return {
    sentences,
    paragraph: { prevHash: contextHash(p.prev), nextHash: contextHash(p.next) },
    sentenceContext: sentences.map((_, i) => ({
      prevHash: contextHash(i > 0 ? sentences[i - 1].text : before),
      nextHash: contextHash(i < sentences.length - 1 ? sentences[i + 1].text : after),
    })),
  };
}

/** A segment with its document and the sources of the segments before and after it. */
export async function readSegmentWithNeighbours(db: Db | Tx, segmentId: string) {
  const segment = await db.segment.findUnique({
    where: { id: segmentId },
    include: { document: { select: { id: true, projectId: true, sourceLang: true } } },
  });
  if (!segment) return null;
  const around = (dir: "lt" | "gt") =>
    db.segment.findFirst({
      where: { documentId: segment.documentId, position: { [dir]: segment.position } },
      orderBy: { position: dir === "lt" ? "desc" : "asc" },
      select: { source: true },
    });
  const [prev, next] = await Promise.all([around("lt"), around("gt")]);
  return { segment, neighbours: { source: segment.source, prev: prev?.source ?? null, next: next?.source ?? null } };
}
