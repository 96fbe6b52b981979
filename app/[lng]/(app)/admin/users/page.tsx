// Administration: the site's accounts, and which of them may create projects of their own
// (administrators always may). Only site administrators see this page; for others it does not exist.
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { listAccounts } from "@/lib/admin/users";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { MayCreateToggle } from "./may-create-toggle";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("admin.title") } : {};
}

export default async function AdminUsersPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  if (!actor.isAdmin) notFound();
  const t = getT(lng);
  const accounts = await listAccounts(getDb(), actor);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="muted">{t("admin.intro")}</p>
      <section className="card">
        <table className="list phone-cards">
          <thead>
            <tr>
              <th>{t("members.name")}</th>
              <th>{t("members.email")}</th>
              <th>{t("admin.administrator")}</th>
              <th className="num">{t("admin.projects")}</th>
              <th>{t("admin.mayCreate")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td data-label={t("members.name")}>{a.name}</td>
                <td data-label={t("members.email")}>{a.email}</td>
                <td data-label={t("admin.administrator")}>{a.isAdmin ? t("admin.yes") : t("admin.no")}</td>
                <td className="num" data-label={t("admin.projects")}>
                  {a._count.memberships}
                </td>
                <td data-label={t("admin.mayCreate")}>
                  {a.isAdmin ? (
                    <span className="muted">{t("admin.always")}</span>
                  ) : (
                    <MayCreateToggle userId={a.id} name={a.name} may={a.mayCreateProjects} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
