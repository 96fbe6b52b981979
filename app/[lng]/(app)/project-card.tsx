// One project on the home page: its name (to the project's page), role, languages, last activity,
// what the member may do, and its documents with their progress.
import Link from "next/link";
import { ProgressBar } from "@/app/_components/progress-bar";
import type { listProjects } from "@/lib/documents/queries";
import { languageLabel } from "@/lib/i18n/language-label";
import { getT } from "@/lib/i18n/server";
import type { Lng } from "@/lib/i18n/settings";
import { DONE_STATUSES, type TranslationStatus, translationStatuses } from "@/lib/segments/statuses";
import type { Progress } from "@/lib/translations/progress";

type HomeProject = Awaited<ReturnType<typeof listProjects>>[number];

const confirmedOf = (p: Progress) => DONE_STATUSES.reduce((sum, s) => sum + p.paragraphs[s], 0);

export function ProjectCard({ project, lng }: { project: HomeProject; lng: Lng }) {
  const t = getT(lng);
  const lang = (tag: string) => languageLabel(t, tag, lng);
  return (
    <section className="card" aria-labelledby={`project-${project.id}`}>
      <div className="card-head">
        <h2 id={`project-${project.id}`}>
          <Link href={`/${lng}/projects/${project.id}`}>{project.name}</Link>
        </h2>
        <span className="role-badge">{t(`role.${project.role}`)}</span>
        {project.archived && <span className="warn-badge">{t("projects.archivedBadge")}</span>}
        <span className="spacer" />
        <Link href={`/${lng}/projects/${project.id}/glossary`}>{t("glossary.title")}</Link>
        {project.permissions.canImport && (
          <Link href={`/${lng}/projects/${project.id}/import`}>{t("import.title")}</Link>
        )}
        {project.permissions.canManageMembers && (
          <Link href={`/${lng}/projects/${project.id}/members`}>{t("nav.members")}</Link>
        )}
        {project.permissions.canArchive && (
          <Link href={`/${lng}/projects/${project.id}/settings`}>{t("settings.link")}</Link>
        )}
      </div>
      <p className="muted">
        {t("home.languages")}:{" "}
        {t("home.sourceToTargets", {
          source: lang(project.sourceLang),
          targets: project.targetLangs.map(lang).join(", "),
        })}
        {" · "}
        {t("projects.lastActivity", { date: project.lastActivity.toLocaleDateString(lng) })}
      </p>
      {project.documents.length === 0 ? (
        <p className="muted">{t("home.noDocuments")}</p>
      ) : (
        // On a phone each document is a small card of its own (phone-cards): nothing scrolls sideways.
        <table className="list phone-cards home-documents">
          <thead>
            <tr>
              <th>{t("home.document")}</th>
              <th className="num">{t("home.paragraphs")}</th>
              <th className="num">{t("home.words")}</th>
              {project.targetLangs.map((l) => (
                <th key={l}>{lang(l)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {project.documents.map((doc) => (
              <tr key={doc.id}>
                <td className="document-title">
                  <Link href={`/${lng}/documents/${doc.id}`}>{doc.title}</Link>
                </td>
                <td className="num" data-label={t("home.paragraphs")}>
                  {doc.paragraphs}
                </td>
                <td className="num" data-label={t("home.words")}>
                  {doc.words}
                </td>
                {project.targetLangs.map((l) => {
                  const p = doc.progress.get(l);
                  return (
                    <td key={l} className="progress-cell" data-label={lang(l)}>
                      {p && (
                        <ProgressBar
                          words={p.words}
                          paragraphs={p.paragraphs}
                          compact
                          labels={{
                            title: t("editor.progress", { lang: lang(l) }),
                            summary: t("home.confirmed", { done: confirmedOf(p), total: p.totalParagraphs }),
                            status: Object.fromEntries(translationStatuses.map((s) => [s, t(`status.${s}`)])) as Record<
                              TranslationStatus,
                              string
                            >,
                          }}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
