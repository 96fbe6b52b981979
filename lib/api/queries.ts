// Reads for the JSON API. Progress is counted by the database (one grouped query), never by
// loading every translation row.
import type { Db } from "../db/client";
import { documentOrder } from "../documents/manage";
import { getSegmentsWithTranslation } from "../documents/queries";
import { liveProject, openDocument } from "../documents/visibility";
import { assertTarget, langsOf, targetLanguages } from "../projects/languages";
import type { SegmentKind } from "../segments/kinds";
import { type TranslationStatus, zeroByStatus } from "../segments/status";
import { originOf } from "../translations/origin";
import { doneWords, progressByDocument } from "../translations/progress";

export interface LanguageProgress {
  total: number;
  byStatus: Record<TranslationStatus, number>;
  translatedWords: number;
}

/** Documents in every project the user is a member of, with size and per-language progress. */
export async function listDocumentsFor(db: Db, userId: string) {
  const documents = await db.document.findMany({
    where: { ...openDocument, project: { ...liveProject, memberships: { some: { userId } } } },
    orderBy: [{ project: { createdAt: "asc" } }, ...documentOrder],
    select: {
      id: true,
      projectId: true,
      title: true,
      sourceLang: true,
      project: { select: { name: true, languages: targetLanguages } },
      _count: { select: { segments: true } },
    },
  });
  const ids = documents.map((d) => d.id);
  const [words, progress] = await Promise.all([
    db.segment.groupBy({ by: ["documentId"], where: { documentId: { in: ids } }, _sum: { wordCount: true } }),
    progressByDocument(db, ids),
  ]);
  const wordsByDoc = new Map(words.map((w) => [w.documentId, w._sum.wordCount ?? 0]));

  return documents.map((d) => {
    const total = d._count.segments;
    const targetLangs = langsOf(d.project.languages);
    const byLang: Record<string, LanguageProgress> = {};
    for (const lang of targetLangs) {
      const p = progress.get(d.id)?.get(lang);
      const byStatus = { ...(p?.paragraphs ?? zeroByStatus()) };
      // A language added after the document has no rows until the first save: those segments are new.
      byStatus.new += Math.max(0, total - (p?.totalParagraphs ?? 0));
      byLang[lang] = { total, byStatus, translatedWords: p ? doneWords(p) : 0 };
    }
    return {
      id: d.id,
      projectId: d.projectId,
      projectName: d.project.name,
      title: d.title,
      sourceLang: d.sourceLang,
      targetLangs,
      paragraphs: total,
      words: wordsByDoc.get(d.id) ?? 0,
      progress: byLang,
    };
  });
}

/**
 * A document's segments in order with their translation into `target` (default: the project's
 * first language). Callers check access first and pass what it found (the document, the project's
 * target languages).
 */
export async function documentSegments(
  db: Db,
  document: { id: string; title: string; sourceLang: string },
  targetLangs: string[],
  target: string | null,
) {
  const lang = target ?? targetLangs[0] ?? "";
  assertTarget(targetLangs, lang, "target", { allowed: targetLangs });
  const segments = await getSegmentsWithTranslation(db, document.id, lang);
  return {
    document: { id: document.id, title: document.title, sourceLang: document.sourceLang, targetLangs },
    target: lang,
    segments: segments.map((s) => ({
      id: s.id,
      position: s.position,
      kind: s.kind as SegmentKind,
      source: s.source,
      wordCount: s.wordCount,
      // No row yet (a language added later) reads as an empty new translation at version 0.
      translation: s.translation
        ? {
            text: s.translation.text,
            status: s.translation.status as TranslationStatus,
            version: s.translation.version,
            updatedAt: s.translation.updatedAt.toISOString(),
            origin: originOf(s.translation),
          }
        : { text: "", status: "new" as const, version: 0, updatedAt: null, origin: null },
    })),
  };
}
