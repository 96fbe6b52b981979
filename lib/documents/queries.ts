// Reads for the project list and the document page. Every Prisma call for documents lives here.
import { policyOf } from "../auth/access";
import { projectPermissions } from "../auth/permissions";
import { ProjectRole } from "../auth/roles";
import type { Db } from "../db/client";
import { lastActivity } from "../projects/activity";
import { langsOf, targetLanguages } from "../projects/languages";
import { originOf, originSelect, type TranslationOrigin } from "../translations/origin";
import { progressByDocument } from "../translations/progress";
import { documentOrder } from "./manage";
import { liveProject, openDocument } from "./visibility";

/**
 * The projects this user is a member of (not those in the trash), with their documents and the
 * user's role, the most recently active first; `search` keeps those whose name contains it in any
 * script and case (SQLite's LIKE folds only ASCII, so it is matched here).
 */
export async function listProjects(db: Db, userId: string, search = "") {
  const needle = search.trim().toLocaleLowerCase();
  const found = await db.project.findMany({
    where: { ...liveProject, memberships: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    include: {
      memberships: { where: { userId }, select: { role: true } },
      languages: targetLanguages,
      documents: {
        where: openDocument,
        orderBy: [...documentOrder],
        select: { id: true, title: true, createdAt: true, _count: { select: { segments: true } } },
      },
    },
  });
  const projects = needle ? found.filter((p) => p.name.toLocaleLowerCase().includes(needle)) : found;
  const documentIds = projects.flatMap((p) => p.documents.map((d) => d.id));
  const [words, progress, activity] = await Promise.all([
    db.segment.groupBy({ by: ["documentId"], _sum: { wordCount: true }, where: { documentId: { in: documentIds } } }),
    progressByDocument(db, documentIds),
    lastActivity(
      db,
      projects.map((p) => p.id),
    ),
  ]);
  const wordsByDoc = new Map(words.map((w) => [w.documentId, w._sum.wordCount ?? 0]));
  return projects
    .map((p) => {
      const role = ProjectRole.catch("viewer").parse(p.memberships[0]?.role);
      const archived = p.archivedAt !== null;
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        role,
        archived,
        lastActivity: activity.get(p.id) ?? p.updatedAt,
        permissions: projectPermissions(role, policyOf(p), archived),
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
    })
    .sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime());
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
  const segments = await db.segment.findMany({
    where: { documentId, ...(firstPositions ? { position: { lte: firstPositions } } : {}) },
    orderBy: { position: "asc" },
  });
  // The first screen's translations by their paragraphs' ids (the segmentId + lang index): filtered
  // by position through the relation, SQLite read every translation of the document to find 60.
  const translations = await db.translation.findMany({
    where: firstPositions
      ? { segmentId: { in: segments.map((s) => s.id) }, lang: { in: langs } }
      : { documentId, lang: { in: langs } },
    select: { segmentId: true, lang: true, text: true, status: true, version: true, ...originSelect },
  });
  type Saved = { text: string; status: string; version: number; origin: TranslationOrigin | null };
  const cells = new Map<string, Record<string, Saved>>();
  for (const t of translations) {
    const forSegment = cells.get(t.segmentId) ?? {};
    forSegment[t.lang] = { text: t.text, status: t.status, version: t.version, origin: originOf(t) };
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
