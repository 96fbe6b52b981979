// A project's settings, for its owners: what it is called and says, its target languages, who may
// do what, the quality threshold, archive and trash. Settings added by later issues (translators may
// change approved paragraphs, glossary, memory, QA) get a section of their own here.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { RefusalCard } from "@/app/_components/refusal-card";
import { projectPage } from "@/app/_lib/project-page";
import { projectPermissions } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { projectDetails } from "@/lib/projects/project-details";
import { ArchiveAndTrash, GeneralForm, LanguagesForm, PermissionsForm, QualityForm } from "./settings-forms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("settings.title") } : {};
}

export default async function ProjectSettingsPage({ params }: Props) {
  const { lng: raw, id } = await params;
  const { lng, db, access, t } = await projectPage(raw, id);
  const { project } = await projectDetails(db, access);
  const may = projectPermissions(access.role, access.policy, access.archived);
  if (!may.canArchive) return <RefusalCard message={t("errors.forbidden")} />;
  const disabled = project.archived;
  const section = (key: string, title: string, children: ReactNode) => (
    <section className="card" aria-labelledby={`settings-${key}`} id={key}>
      <h2 id={`settings-${key}`}>{title}</h2>
      {children}
    </section>
  );
  return (
    <>
      <p>
        <Link href={`/${lng}/projects/${id}`}>← {project.name}</Link>
      </p>
      <h1>{t("settings.heading", { project: project.name })}</h1>
      {project.archived && (
        <p className="notice" role="status">
          {t("projects.archivedNotice")}
        </p>
      )}
      <div className="settings-grid">
        {section(
          "general",
          t("settings.general"),
          <GeneralForm projectId={id} name={project.name} description={project.description} disabled={disabled} />,
        )}
        {section(
          "languages",
          t("settings.languages"),
          <LanguagesForm
            projectId={id}
            sourceLang={project.sourceLang}
            targetLangs={project.targetLangs}
            hiddenLangs={project.hiddenLangs}
            disabled={disabled}
          />,
        )}
        {section(
          "permissions",
          t("settings.permissions"),
          <PermissionsForm
            projectId={id}
            reviewersMayEdit={project.reviewersMayEdit}
            translatorsMayEditGlossary={project.translatorsMayEditGlossary}
            translatorsMayEditSource={project.translatorsMayEditSource}
            translatorsMayChangeApproved={project.translatorsMayChangeApproved}
            disabled={disabled}
          />,
        )}
        {section(
          "quality",
          t("settings.quality"),
          <QualityForm projectId={id} threshold={project.qualityThreshold} disabled={disabled} />,
        )}
        {section(
          "archive",
          t("settings.archiveAndTrash"),
          <ArchiveAndTrash projectId={id} lng={lng} archived={project.archived} canDelete={may.canDelete} />,
        )}
      </div>
    </>
  );
}
