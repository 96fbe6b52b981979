// One source paragraph as the editor shows it: its text, kind, position and source version, and each
// target language's translation with its "source changed" mark. What an open editor reads after a
// split, a merge or a source edit to update those rows in place (GET /api/v1/segments/{segmentId}),
// and, several of one document at once, after a source update or a restore from the bin (GET
// /api/v1/documents/{id}/paragraphs?ids=…).
import { z } from "zod";
import { requireDocument, requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { groupBy } from "../group-by";
import { MAX_LISTED_SEGMENTS } from "../live/events";
import { parseInput } from "../parse-input";
import type { SegmentKind } from "./kinds";
import type { TranslationStatus } from "./status";

export interface ParagraphTranslation {
  text: string;
  status: TranslationStatus;
  version: number;
  /** The source text the translation was written for, while it is marked "source changed". */
  sourceChangedFrom: string | null;
}

interface SegmentRow {
  id: string;
  position: number;
  kind: string;
  source: string;
  wordCount: number;
  version: number;
}

const translationSelect = {
  segmentId: true,
  lang: true,
  text: true,
  status: true,
  version: true,
  sourceChange: { select: { oldSource: true } },
} as const;

type TranslationRow = {
  lang: string;
  text: string;
  status: string;
  version: number;
  sourceChange: { oldSource: string } | null;
};

function paragraphOf(segment: SegmentRow, documentId: string, rows: TranslationRow[], targetLangs: readonly string[]) {
  const byLang = new Map(rows.map((t) => [t.lang, t]));
  const translations: Record<string, ParagraphTranslation> = {};
  // A language without a row yet (added to the project later) reads as an empty new translation.
  for (const lang of targetLangs) {
    const t = byLang.get(lang);
    translations[lang] = {
      text: t?.text ?? "",
      status: (t?.status ?? "new") as TranslationStatus,
      version: t?.version ?? 0,
      sourceChangedFrom: t?.sourceChange?.oldSource ?? null,
    };
  }
  return {
    id: segment.id,
    documentId,
    position: segment.position,
    kind: segment.kind as SegmentKind,
    source: segment.source,
    wordCount: segment.wordCount,
    version: segment.version,
    translations,
  };
}

export async function readParagraph(db: Db, actor: Actor, segmentId: string) {
  const { segment, document, access } = await requireSegment(db, actor, segmentId, "project.read");
  const rows = await db.translation.findMany({
    where: { segmentId, lang: { in: access.targetLangs } },
    select: translationSelect,
  });
  return {
    segment: paragraphOf(segment, document.id, rows, access.targetLangs),
    structureVersion: document.structureVersion,
  };
}

/** The `ids` query: comma-separated segment ids, at most as many as a live event names. */
export const ParagraphIds = z.object({
  ids: z
    .array(z.string().min(1, { message: "required" }))
    .min(1, { message: "required" })
    .max(MAX_LISTED_SEGMENTS, { message: "too_many_ids" }),
});

/**
 * Several paragraphs of one document, in position order. Ids that are not the document's paragraphs
 * (gone to its bin meanwhile, another document's) are left out: the caller sees what it asked for and
 * did not get, and the document's structure version the rows were read at.
 */
export async function readParagraphs(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const { document, access } = await requireDocument(db, actor, documentId, "project.read");
  const { ids } = parseInput(ParagraphIds, raw);
  const unique = [...new Set(ids)];
  const segments = await db.segment.findMany({
    where: { documentId, id: { in: unique } },
    orderBy: { position: "asc" },
    select: { id: true, position: true, kind: true, source: true, wordCount: true, version: true },
  });
  const rows = await db.translation.findMany({
    where: { segmentId: { in: segments.map((s) => s.id) }, lang: { in: access.targetLangs } },
    select: translationSelect,
  });
  const bySegment = groupBy(rows, (t) => t.segmentId);
  return {
    paragraphs: segments.map((s) => paragraphOf(s, document.id, bySegment.get(s.id) ?? [], access.targetLangs)),
    structureVersion: document.structureVersion,
  };
}
