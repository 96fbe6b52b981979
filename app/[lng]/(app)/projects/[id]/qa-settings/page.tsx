// A project's quality-check settings (owners). Until the project settings page of issue #13 lands,
// this page is where they are edited; the members page, where the other settings are, links here.
import type { Metadata } from "next";
import Link from "next/link";
import { RefusalCard } from "@/app/_components/refusal-card";
import { projectPage } from "@/app/_lib/project-page";
import { roleAllows } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { DEFAULT_QUOTES, DEFAULT_SEVERITY } from "@/lib/qa/settings";
import { describeSettings, readQaSettings } from "@/lib/qa/store/settings-store";
import { QaSettingsForm } from "./qa-settings-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("qa.settings.title") } : {};
}

export default async function QaSettingsPage({ params }: Props) {
  const { lng: raw, id } = await params;
  const { lng, db, access, t } = await projectPage(raw, id);
  if (!roleAllows(access.role, "project.settings", access.policy)) {
    return <RefusalCard message={t("errors.forbidden")} />;
  }
  const [project, stored] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id }, select: { name: true } }),
    readQaSettings(db, id),
  ]);
  return (
    <>
      <p>
        <Link href={`/${lng}/projects/${id}/members`}>← {t("qa.settings.back")}</Link>
      </p>
      <h1>{t("qa.settings.heading", { project: project.name })}</h1>
      <p className="muted">{t("qa.settings.intro")}</p>
      <QaSettingsForm
        projectId={id}
        langs={access.targetLangs}
        effective={describeSettings(stored.settings)}
        defaults={{ severity: DEFAULT_SEVERITY, quotes: DEFAULT_QUOTES }}
      />
    </>
  );
}
