// Reads for the project list and the document page. Every Prisma call for documents lives here.
import { projectPermissions } from "../auth/permissions";
import { ProjectRole } from "../auth/roles";
import type { Db } from "../db/client";
import { langsOf, targetLanguages } from "../projects/languages";
import { progressByDocument } from "../translations/progress";

/** The projects this user is a member of, with their documents and the user's role. */
export async function listProjects(db: Db, userId: string) {
  const projects = await db.project.findMany({
    where: { memberships: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    include: {
      memberships: { where: { userId }, select: { role: true } },
      languages: targetLanguages,
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
  const progress = await progressByDocument(
    db,
    projects.flatMap((p) => p.documents.map((d) => d.id)),
  );
  return projects.map((p) => {
    const role = ProjectRole.catch("viewer").parse(p.memberships[0]?.role);
    return {
      id: p.id,
      name: p.name,
      role,
      permissions: projectPermissions(role, { reviewersMayEdit: p.reviewersMayEdit }),
      sourceLang: p.sourceLang,
      targetLangs: langsOf(p.languages),
      documents: p.documents.map((d) => ({
        id: d.id,
        title: d.title,
        paragraphs: d._count.segments,
        words: wordsByDoc.get(d.id) ?? 0,
        progress: progress.get(d.id) ?? new Map(),
      })),
    };
  });
}

export async function getDocument(db: Db, id: string) {
  return db.document.findUnique({
    where: { id },
    include: { project: { include: { languages: targetLanguages } } },
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

/**
 * What the editor shows: segments in order with their translations into `langs` (only the first
 * `firstPositions` when given). Open-note counts come from the notes the page loads anyway.
 */
export async function getEditorRows(db: Db, documentId: string, langs: string[], firstPositions?: number) {
  const range = firstPositions ? { position: { lte: firstPositions } } : {};
  const [segments, translations] = await Promise.all([
    db.segment.findMany({ where: { documentId, ...range }, orderBy: { position: "asc" } }),
    db.translation.findMany({
      where: { documentId, lang: { in: langs }, ...(firstPositions ? { segment: range } : {}) },
      select: { segmentId: true, lang: true, text: true, status: true, version: true },
    }),
  ]);
  const cells = new Map<string, Record<string, { text: string; status: string; version: number }>>();
  for (const t of translations) {
    const forSegment = cells.get(t.segmentId) ?? {};
    forSegment[t.lang] = { text: t.text, status: t.status, version: t.version };
    cells.set(t.segmentId, forSegment);
  }
  return segments.map((s) => ({
    id: s.id,
    position: s.position,
    kind: s.kind,
    source: s.source,
    wordCount: s.wordCount,
    translations: cells.get(s.id) ?? {},
  }));
}
