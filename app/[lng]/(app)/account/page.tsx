// The signed-in person's account: password and personal API tokens.
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { listApiTokens } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { ChangePasswordForm, CreateTokenForm } from "./account-forms";
import { revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function AccountPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const t = getT(lng);
  const tokens = await listApiTokens(getDb(), actor.userId);
  const date = (d: Date | null) => (d ? d.toLocaleString(lng) : t("account.never"));
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="muted">
        {actor.name} · {actor.email}
      </p>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.changePassword")}</h2>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("account.tokens")}</h2>
        <p className="muted">{t("account.tokensIntro")}</p>
        {tokens.length === 0 ? (
          <p className="muted">{t("account.noTokens")}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>{t("account.tokenName")}</th>
                <th>{t("account.created")}</th>
                <th>{t("account.lastUsed")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>
                    {token.name} <code>{token.prefix}…</code>
                  </td>
                  <td>{date(token.createdAt)}</td>
                  <td>{date(token.lastUsedAt)}</td>
                  <td>
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="danger" aria-label={`${t("account.revoke")} ${token.name}`}>
                        {t("account.revoke")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <CreateTokenForm />
      </section>
    </>
  );
}
