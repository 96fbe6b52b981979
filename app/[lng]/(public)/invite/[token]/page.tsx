// An owner's invitation link: the invited person chooses a name and password and joins the project.
// An address that has an account by now joins from its home page after signing in instead.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { findInvitation } from "@/lib/projects/invitations";
import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  if (!isLng(lng)) notFound();
  const db = getDb();
  const invitation = await findInvitation(db, token);
  const t = getT(lng);
  if (!invitation) {
    return (
      <section className="card narrow" role="alert">
        <h1>{t("errors.notFoundTitle")}</h1>
        <p>{t("errors.invitation_invalid")}</p>
      </section>
    );
  }
  const hasAccount = Boolean(await db.user.findUnique({ where: { email: invitation.email } }));
  return (
    <section className="card narrow">
      <h1>{t("auth.inviteTitle", { project: invitation.project.name })}</h1>
      <p>{t("auth.inviteIntro", { role: t(`role.${invitation.role}`), email: invitation.email })}</p>
      {hasAccount ? (
        <p>
          {t("auth.inviteExisting")}{" "}
          <Link href={`/${lng}/sign-in?next=${encodeURIComponent(`/${lng}`)}`}>{t("auth.signIn")}</Link>
        </p>
      ) : (
        <InviteForm lng={lng} token={token} />
      )}
    </section>
  );
}
