// The signed-in person's account: name and email, password, and personal API tokens.
import { notFound } from "next/navigation";
import { currentSession, requireSignedIn } from "@/app/_lib/session";
import { whatANewPasswordEnds } from "@/lib/auth/passwords";
import { listApiTokens } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm, CreateTokenForm } from "./account-forms";
import { revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";

/** "Firefox", "Chrome" … out of a user agent; the whole string when none is recognised. */
function browserOf(userAgent: string): string {
  // Most specific first: Edge and Opera also name Chrome and Safari, Chrome names Safari.
  const known: [string, string][] = [
    ["Edg/", "Edge"],
    ["OPR/", "Opera"],
    ["Firefox/", "Firefox"],
    ["Chrome/", "Chrome"],
    ["Safari/", "Safari"],
  ];
  return known.find(([marker]) => userAgent.includes(marker))?.[1] ?? userAgent.slice(0, 60);
}

export default async function AccountPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const t = getT(lng);
  const db = getDb();
  const [tokens, ends] = await Promise.all([
    listApiTokens(db, actor.userId),
    whatANewPasswordEnds(db, actor.userId, (await currentSession())?.session.token ?? null),
  ]);
  const date = (d: Date | null) => (d ? d.toLocaleString(lng) : t("account.never"));
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="muted">
        {actor.name} · {actor.email}
      </p>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("account.details")}</h2>
        <ChangeNameForm name={actor.name} />
        <ChangeEmailForm email={actor.email} reconfirm={!actor.isAdmin} />
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.changePassword")}</h2>
        {/* Said before, not after: a new password signs out the other browsers and stops every script. */}
        <div className="notice">
          <p>{ends.sessions.length + ends.tokens.length === 0 ? t("account.endsNothing") : t("account.endsIntro")}</p>
          {ends.sessions.length > 0 && (
            <>
              <h3>{t("account.otherSessions", { count: ends.sessions.length })}</h3>
              <ul>
                {ends.sessions.map((s) => (
                  <li key={s.id}>
                    {t("account.sessionSince", { date: date(s.createdAt) })}
                    {s.userAgent ? ` · ${browserOf(s.userAgent)}` : ""}
                    {s.ipAddress ? ` · ${s.ipAddress}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          {ends.tokens.length > 0 && (
            <>
              <h3>{t("account.tokensRevoked", { count: ends.tokens.length })}</h3>
              <ul>
                {ends.tokens.map((token) => (
                  <li key={token.id}>
                    {token.name} <code>{token.prefix}…</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
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
