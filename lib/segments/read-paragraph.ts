// One source paragraph as the editor shows it: its text, kind, position and source version, and each
// target language's translation with its "source changed" mark. What an open editor reads after a
// split, a merge or a source edit to update those rows in place (GET /api/v1/segments/{segmentId}).
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { SegmentKind } from "./kinds";
import type { TranslationStatus } from "./status";

export interface ParagraphTranslation {
  text: string;
  status: TranslationStatus;
  version: number;
  /** The source text the translation was written for, while it is marked "source changed". */
  sourceChangedFrom: string | null;
}

export async function readParagraph(db: Db, actor: Actor, segmentId: string) {
  const { segment, document, access } = await requireSegment(db, actor, segmentId, "project.read");
  const rows = await db.translation.findMany({
    where: { segmentId, lang: { in: access.targetLangs } },
    select: { lang: true, text: true, status: true, version: true, sourceChange: { select: { oldSource: true } } },
  });
  const byLang = new Map(rows.map((t) => [t.lang, t]));
  const translations: Record<string, ParagraphTranslation> = {};
  // A language without a row yet (added to the project later) reads as an empty new translation.
  for (const lang of access.targetLangs) {
    const t = byLang.get(lang);
    translations[lang] = {
      text: t?.text ?? "",
      status: (t?.status ?? "new") as TranslationStatus,
      version: t?.version ?? 0,
      sourceChangedFrom: t?.sourceChange?.oldSource ?? null,
    };
  }
  return {
    segment: {
      id: segment.id,
      documentId: document.id,
      position: segment.position,
      kind: segment.kind as SegmentKind,
      source: segment.source,
      wordCount: segment.wordCount,
      version: segment.version,
      translations,
    },
    structureVersion: document.structureVersion,
  };
}
