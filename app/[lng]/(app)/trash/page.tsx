// The trash: projects deleted by their owners, visible to those owners and to site administrators,
// each restorable in one click until the purge removes it; "delete forever" needs the name typed.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/app/_components/action-button";
import { ConfirmNameForm } from "@/app/_components/confirm-name-form";
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
          <table className="list phone-cards">
            <thead>
              <tr>
                <th>{t("trash.project")}</th>
                <th className="num">{t("documents.title")}</th>
                <th>{t("trash.deletedAt")}</th>
                <th>{t("trash.purgeAt")}</th>
                <th>{t("documents.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("trash.project")}>{p.name}</td>
                  <td className="num" data-label={t("documents.title")}>
                    {p.documents}
                  </td>
                  <td data-label={t("trash.deletedAt")}>
                    {p.deletedAt.toLocaleDateString(lng)}
                    {p.deletedBy && ` · ${p.deletedBy.name}`}
                  </td>
                  <td data-label={t("trash.purgeAt")}>{p.purgeAt.toLocaleDateString(lng)}</td>
                  <td data-label={t("documents.actions")}>
                    <div className="row-actions">
                      <ActionButton
                        run={restoreProjectAction.bind(null, p.id)}
                        label={t("trash.restore")}
                        ariaLabel={t("trash.restoreNamed", { name: p.name })}
                        className="primary"
                      />
                      <ConfirmNameForm name={p.name} hidden={{ projectId: p.id }} action={purgeProjectAction} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
