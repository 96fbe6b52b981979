// Project members: the owner adds people by email (or invites them), changes roles, removes them.
import Link from "next/link";
import { RefusalCard } from "@/app/_components/refusal-card";
import { projectPage } from "@/app/_lib/project-page";
import { roleAllows } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";
import type { Lng } from "@/lib/i18n/settings";
import { listOpenInvitations } from "@/lib/projects/invitations";
import { listMembers } from "@/lib/projects/members";
import { cancelInvitationAction } from "./actions";
import { AddMemberForm, MemberRowForms } from "./member-forms";

export const dynamic = "force-dynamic";

/** An account made through an invitation link: whoever had the link chose the address. */
function NotConfirmed({ lng }: { lng: Lng }) {
  const t = getT(lng);
  return (
    <>
      {" "}
      <span className="warn-badge">{t("members.notConfirmed")}</span>
    </>
  );
}

export default async function MembersPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng: raw, id } = await params;
  const { lng, db, access, t } = await projectPage(raw, id);
  if (!roleAllows(access.role, "members.manage", access.policy)) return <RefusalCard message={t("errors.forbidden")} />;
  const [project, members, invitations] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id } }),
    listMembers(db, id),
    listOpenInvitations(db, id),
  ]);
  const unconfirmed =
    members.some((m) => !m.user.emailVerified) || invitations.some((i) => i.account && !i.account.confirmed);
  return (
    <>
      <h1>{t("members.title", { project: project.name })}</h1>
      <section className="card">
        <table className="list">
          <thead>
            <tr>
              <th>{t("members.name")}</th>
              <th>{t("members.email")}</th>
              <th>{t("members.role")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>
                  {m.user.email}
                  {!m.user.emailVerified && <NotConfirmed lng={lng} />}
                </td>
                <td>{t(`role.${m.role}`)}</td>
                <td className="row-actions">
                  <MemberRowForms projectId={id} userId={m.user.id} role={m.role} name={m.user.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unconfirmed && <p className="muted">{t("members.notConfirmedHint")}</p>}
      </section>
      <section className="card" aria-labelledby="add-heading">
        <h2 id="add-heading">{t("members.add")}</h2>
        <AddMemberForm projectId={id} lng={lng} />
      </section>
      {invitations.length > 0 && (
        <section className="card" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t("members.invitations")}</h2>
          <table className="list">
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.id}>
                  <td>
                    {inv.email}
                    {inv.account && !inv.account.confirmed && <NotConfirmed lng={lng} />}
                  </td>
                  <td>{inv.account ? t("members.waitsForAccount") : t("members.waitsForLink")}</td>
                  <td>{t(`role.${inv.role}`)}</td>
                  <td>
                    {t("members.expires")}: {inv.expiresAt.toLocaleDateString(lng)}
                  </td>
                  <td>
                    <form action={cancelInvitationAction}>
                      <input type="hidden" name="projectId" value={id} />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" className="danger">
                        {t("members.cancel")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p>
        <Link href={`/${lng}/projects/${id}/settings`}>{t("settings.movedHere")}</Link>
      </p>
      <p>
        <Link href={`/${lng}/projects/${id}/qa-settings`}>{t("qa.settings.link")}</Link>
      </p>
    </>
  );
}
