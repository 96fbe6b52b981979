// A project's page: what it is, its languages, its documents in order (owners rename, reorder,
// update the source of and trash them here; everyone may download the original file), and the
// documents in its trash.
import type { Metadata } from "next";
import Link from "next/link";
import { TrashRows } from "@/app/_components/trash-rows";
import { projectPage } from "@/app/_lib/project-page";
import { projectPermissions } from "@/lib/auth/permissions";
import { listTrashedDocuments } from "@/lib/documents/trash";
import { languageLabel } from "@/lib/i18n/language-label";
import { projectDetails } from "@/lib/projects/project-details";
import { trashDays } from "@/lib/trash/retention";
import { purgeDocumentAction, restoreDocumentAction } from "./document-actions";
import { DocumentManageActions } from "./document-row";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

async function load(lng: string, id: string) {
  const page = await projectPage(lng, id);
  return { ...page, ...(await projectDetails(page.db, page.access)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng, id } = await params;
  const { project } = await load(lng, id);
  return { title: project.name };
}

export default async function ProjectPage({ params }: Props) {
  const { lng: raw, id } = await params;
  const { lng, db, t, project, access } = await load(raw, id);
  const may = projectPermissions(access.role, access.policy, access.archived);
  const [files, trashed] = await Promise.all([
    db.documentFile.groupBy({ by: ["documentId"], where: { documentId: { in: project.documents.map((d) => d.id) } } }),
    may.canManageDocuments ? listTrashedDocuments(db, id) : Promise.resolve([]),
  ]);
  const hasFile = new Set(files.map((f) => f.documentId));
  const lang = (tag: string) => languageLabel(t, tag, lng);
  return (
    <>
      <p>
        <Link href={`/${lng}`}>← {t("document.backToProjects")}</Link>
      </p>
      <div className="page-head">
        <h1>{project.name}</h1>
        <span className="role-badge">{t(`role.${project.role}`)}</span>
        <span className="spacer" />
        <nav className="row-actions" aria-label={t("projects.projectNav")}>
          <Link href={`/${lng}/projects/${id}/glossary`}>{t("glossary.title")}</Link>
          {may.canImport && <Link href={`/${lng}/projects/${id}/import`}>{t("import.title")}</Link>}
          {may.canManageMembers && <Link href={`/${lng}/projects/${id}/members`}>{t("nav.members")}</Link>}
          {may.canArchive && <Link href={`/${lng}/projects/${id}/settings`}>{t("settings.link")}</Link>}
        </nav>
      </div>
      {project.archived && (
        <p className="notice" role="status">
          {t("projects.archivedNotice")}
        </p>
      )}
      {project.description && <p className="project-description">{project.description}</p>}
      <p className="muted">
        {t("home.languages")}:{" "}
        {t("home.sourceToTargets", {
          source: lang(project.sourceLang),
          targets: project.targetLangs.map(lang).join(", "),
        })}
      </p>
      <section className="card" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("documents.title")}</h2>
        {project.documents.length === 0 ? (
          <p className="muted">{t("home.noDocuments")}</p>
        ) : (
          <table className="list documents-table phone-cards">
            <thead>
              <tr>
                <th className="num">{t("document.position")}</th>
                <th>{t("home.document")}</th>
                <th className="num">{t("home.paragraphs")}</th>
                <th>{t("documents.file")}</th>
                {may.canManageDocuments && <th>{t("documents.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {project.documents.map((doc, i) => (
                <tr key={doc.id}>
                  <td className="num" data-label={t("document.position")}>
                    {doc.position}
                  </td>
                  <td data-label={t("home.document")}>
                    <Link href={`/${lng}/documents/${doc.id}`}>{doc.title}</Link>
                  </td>
                  <td className="num" data-label={t("home.paragraphs")}>
                    {doc.paragraphs}
                  </td>
                  <td data-label={t("documents.file")}>
                    <div className="row-actions">
                      {hasFile.has(doc.id) ? (
                        <a href={`/api/v1/documents/${doc.id}/original`} download>
                          {t("documents.downloadOriginal")}
                        </a>
                      ) : (
                        <span className="muted">{t("documents.noOriginal")}</span>
                      )}
                      {may.canManageDocuments && (
                        <Link href={`/${lng}/documents/${doc.id}/source`}>{t("documents.updateSource")}</Link>
                      )}
                    </div>
                  </td>
                  {may.canManageDocuments && (
                    <td data-label={t("documents.actions")}>
                      <DocumentManageActions
                        id={doc.id}
                        title={doc.title}
                        position={doc.position}
                        last={i === project.documents.length - 1}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {trashed.length > 0 && (
        <section className="card" aria-labelledby="document-trash-heading">
          <h2 id="document-trash-heading">{t("documents.trashTitle")}</h2>
          <p className="muted">{t("trash.explain", { count: trashDays() })}</p>
          <TrashRows
            lng={lng}
            items={trashed.map((doc) => ({ ...doc, name: doc.title }))}
            nameLabel={t("home.document")}
            restore={restoreDocumentAction}
            restoreLabel={(doc) => t("documents.restoreNamed", { title: doc.title })}
            purge={purgeDocumentAction}
            purgeField="documentId"
          />
        </section>
      )}
    </>
  );
}
