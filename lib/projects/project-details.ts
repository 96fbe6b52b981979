// One project as its members see it: its settings, languages (and hidden ones that still have
// translations), their role, and its documents in order. The settings page and GET /projects/{id}.
import { type ProjectAccess, requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { documentOrder } from "../documents/manage";
import { openDocument } from "../documents/visibility";
import { langsOf, targetLanguages } from "./languages";

/** Languages that have translations in the project's documents but are no longer targets. */
export async function hiddenLanguages(db: Db, projectId: string, targets: readonly string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ lang: string }[]>`
    SELECT DISTINCT t."lang" AS "lang" FROM "Translation" t JOIN "Document" d ON d."id" = t."documentId"
     WHERE d."projectId" = ${projectId} AND t."text" <> '' ORDER BY t."lang"`;
  return rows.map((r) => r.lang).filter((lang) => !targets.includes(lang));
}

export async function getProjectDetails(db: Db, actor: Actor, projectId: string) {
  return projectDetails(db, await requireProject(db, actor, projectId, "project.read"));
}

/** The same for a caller that has already checked the asker's access (a project's pages: app/_lib/project-page.ts). */
export async function projectDetails(db: Db, access: ProjectAccess) {
  const { projectId } = access;
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      languages: targetLanguages,
      documents: {
        where: openDocument,
        orderBy: [...documentOrder],
        select: { id: true, title: true, fileName: true, createdAt: true, _count: { select: { segments: true } } },
      },
    },
  });
  const targetLangs = langsOf(project.languages);
  return {
    access,
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      sourceLang: project.sourceLang,
      targetLangs,
      hiddenLangs: await hiddenLanguages(db, projectId, targetLangs),
      reviewersMayEdit: project.reviewersMayEdit,
      translatorsMayEditGlossary: project.translatorsMayEditGlossary,
      translatorsMayEditSource: project.translatorsMayEditSource,
      translatorsMayChangeApproved: project.translatorsMayChangeApproved,
      qualityThreshold: project.qualityThreshold,
      archived: project.archivedAt !== null,
      archivedAt: project.archivedAt?.toISOString() ?? null,
      role: access.role,
      createdAt: project.createdAt.toISOString(),
      documents: project.documents.map((d, i) => ({
        id: d.id,
        title: d.title,
        fileName: d.fileName,
        position: i + 1,
        paragraphs: d._count.segments,
        createdAt: d.createdAt.toISOString(),
      })),
    },
  };
}
