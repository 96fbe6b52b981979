// The trash: projects deleted by their owners, visible to those owners and to site administrators,
// each restorable in one click until the purge removes it; "delete forever" needs the name typed.
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrashRows } from "@/app/_components/trash-rows";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { listTrashedProjects } from "@/lib/projects/trash";
import { trashDays } from "@/lib/trash/retention";
import { purgeProjectAction, restoreProjectAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("trash.title") } : {};
}

export default async function TrashPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const t = getT(lng);
  const projects = await listTrashedProjects(getDb(), actor);
  return (
    <>
      <p>
        <Link href={`/${lng}`}>← {t("document.backToProjects")}</Link>
      </p>
      <h1>{t("trash.title")}</h1>
      <p className="muted">{t("trash.explain", { count: trashDays() })}</p>
      {projects.length === 0 ? (
        <p className="muted">{t("trash.empty")}</p>
      ) : (
        <section className="card">
          <TrashRows
            lng={lng}
            items={projects}
            nameLabel={t("trash.project")}
            columns={[{ label: t("documents.title"), numeric: true, cell: (p) => p.documents }]}
            restore={restoreProjectAction}
            restoreLabel={(p) => t("trash.restoreNamed", { name: p.name })}
            restoreClassName="primary"
            purge={purgeProjectAction}
            purgeField="projectId"
          />
        </section>
      )}
    </>
  );
}
