// A project's glossary: search, filter by language and status, add, edit, delete, import and
// export; the glossaries attached from other projects are listed and read-only.
import type { Metadata } from "next";
import Link from "next/link";
import { projectPage } from "@/app/_lib/project-page";
import { glossaryPermissions } from "@/lib/auth/permissions";
import { maxUploadBytes, megabytes } from "@/lib/exchange/import/limits";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { attachableProjects } from "@/lib/terms/attachments";
import { listProjectGlossary } from "@/lib/terms/project-glossary";
import { GlossaryClient } from "./glossary-client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("glossary.title") } : {};
}

export default async function GlossaryPage({ params }: Props) {
  const { lng: raw, id } = await params;
  const { lng, actor, db, access, t } = await projectPage(raw, id);
  const permissions = glossaryPermissions(access);
  const [project, first, attachable] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id }, select: { name: true, sourceLang: true } }),
    listProjectGlossary(db, actor, id, {}),
    permissions.canAttach ? attachableProjects(db, actor, id) : Promise.resolve([]),
  ]);
  return (
    <>
      <p>
        <Link href={`/${lng}`}>← {t("document.backToProjects")}</Link>
      </p>
      <h1>{t("glossary.heading", { project: project.name })}</h1>
      <p className="muted">
        {t("home.sourceToTargets", {
          source: t(`lang.${project.sourceLang}`),
          targets: access.targetLangs.map((l) => t(`lang.${l}`)).join(", "),
        })}
        {!permissions.canEdit && ` · ${t("glossary.readOnly")}`}
      </p>
      <GlossaryClient
        lng={lng}
        projectId={id}
        sourceLang={project.sourceLang}
        targetLangs={access.targetLangs}
        permissions={permissions}
        first={first}
        attachable={attachable}
        maxMb={megabytes(maxUploadBytes())}
      />
    </>
  );
}
