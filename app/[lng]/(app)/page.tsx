// Home: invitations waiting for an answer, then the projects and their documents.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/app/_components/progress-bar";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { listProjects } from "@/lib/documents/queries";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { listInvitationsFor } from "@/lib/projects/invitations";
import { DONE_STATUSES, type TranslationStatus, translationStatuses } from "@/lib/segments/status";
import type { Progress } from "@/lib/translations/progress";
import { Invitations } from "./invitations";

const confirmedOf = (p: Progress) => DONE_STATUSES.reduce((sum, s) => sum + p.paragraphs[s], 0);

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const t = getT(lng);
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const [projects, invitations, me] = await Promise.all([
    listProjects(db, actor.userId),
    listInvitationsFor(db, actor),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { emailVerified: true } }),
  ]);
  return (
    <>
      <h1>{t("home.title")}</h1>
      {invitations.length > 0 && (
        <Invitations
          confirmed={me.emailVerified}
          items={invitations.map((i) => ({
            id: i.id,
            project: i.project.name,
            role: i.role,
            invitedBy: i.invitedBy?.name ?? null,
            expires: i.expiresAt.toLocaleDateString(lng),
          }))}
        />
      )}
      {projects.length === 0 && invitations.length === 0 && <p className="muted">{t("home.empty")}</p>}
      {projects.map((project) => (
        <section key={project.id} className="card" aria-labelledby={`project-${project.id}`}>
          <div className="card-head">
            <h2 id={`project-${project.id}`}>{project.name}</h2>
            <span className="role-badge">{t(`role.${project.role}`)}</span>
            <span className="spacer" />
            <Link href={`/${lng}/projects/${project.id}/glossary`}>{t("glossary.title")}</Link>
            {project.permissions.canImport && (
              <Link href={`/${lng}/projects/${project.id}/import`}>{t("import.title")}</Link>
            )}
            {project.permissions.canManageMembers && (
              <Link href={`/${lng}/projects/${project.id}/members`}>{t("nav.members")}</Link>
            )}
          </div>
          <p className="muted">
            {t("home.languages")}:{" "}
            {t("home.sourceToTargets", {
              source: t(`lang.${project.sourceLang}`),
              targets: project.targetLangs.map((l) => t(`lang.${l}`)).join(", "),
            })}
          </p>
          {project.documents.length === 0 ? (
            <p className="muted">{t("home.noDocuments")}</p>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th>{t("home.document")}</th>
                  <th className="num">{t("home.paragraphs")}</th>
                  <th className="num">{t("home.words")}</th>
                  {project.targetLangs.map((lang) => (
                    <th key={lang}>{t(`lang.${lang}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {project.documents.map((doc) => (
                  <tr key={doc.id}>
                    <td>
                      <Link href={`/${lng}/documents/${doc.id}`}>{doc.title}</Link>
                    </td>
                    <td className="num">{doc.paragraphs}</td>
                    <td className="num">{doc.words}</td>
                    {project.targetLangs.map((lang) => {
                      const p = doc.progress.get(lang);
                      return (
                        <td key={lang} className="progress-cell">
                          {p && (
                            <ProgressBar
                              words={p.words}
                              paragraphs={p.paragraphs}
                              compact
                              labels={{
                                title: t("editor.progress", { lang: t(`lang.${lang}`) }),
                                summary: t("home.confirmed", { done: confirmedOf(p), total: p.totalParagraphs }),
                                status: Object.fromEntries(
                                  translationStatuses.map((s) => [s, t(`status.${s}`)]),
                                ) as Record<TranslationStatus, string>,
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
      ))}
    </>
  );
}
