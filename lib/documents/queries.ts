// Reads for the project list and the document page. Every Prisma call for documents lives here.
import type { Db } from "../db/client";

export async function listProjects(db: Db) {
  const projects = await db.project.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      languages: { orderBy: { position: "asc" } },
      documents: {
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, createdAt: true, _count: { select: { segments: true } } },
      },
    },
  });
  const words = await db.segment.groupBy({
    by: ["documentId"],
    _sum: { wordCount: true },
    where: { documentId: { in: projects.flatMap((p) => p.documents.map((d) => d.id)) } },
  });
  const wordsByDoc = new Map(words.map((w) => [w.documentId, w._sum.wordCount ?? 0]));
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    sourceLang: p.sourceLang,
    targetLangs: p.languages.map((l) => l.lang),
    documents: p.documents.map((d) => ({
      id: d.id,
      title: d.title,
      paragraphs: d._count.segments,
      words: wordsByDoc.get(d.id) ?? 0,
    })),
  }));
}

export async function getDocument(db: Db, id: string) {
  return db.document.findUnique({
    where: { id },
    include: { project: { include: { languages: { orderBy: { position: "asc" } } } } },
  });
}

/** The document's segments in order, each with its translation into `lang` (if any). */
export async function getSegmentsWithTranslation(db: Db, documentId: string, lang: string) {
  const [segments, translations] = await Promise.all([
    db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } }),
    db.translation.findMany({ where: { documentId, lang } }),
  ]);
  const bySegment = new Map(translations.map((t) => [t.segmentId, t]));
  return segments.map((s) => ({ ...s, translation: bySegment.get(s.id) ?? null }));
}
