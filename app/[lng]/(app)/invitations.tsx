"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { answerInvitationAction } from "./invitation-actions";

export interface InvitationItem {
  id: string;
  project: string;
  role: string;
  invitedBy: string | null;
  expires: string;
}

/** The home page's "Invitations": projects that want the signed-in person, to accept or decline. */
export function Invitations({ items, confirmed }: { items: InvitationItem[]; confirmed: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("home.invitations")}</h2>
      {!confirmed && <p className="notice">{t("home.confirmFirst")}</p>}
      <ul className="invitation-list">
        {items.map((item) => (
          <InvitationRow key={item.id} item={item} confirmed={confirmed} />
        ))}
      </ul>
    </section>
  );
}

function InvitationRow({ item, confirmed }: { item: InvitationItem; confirmed: boolean }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(answerInvitationAction, null);
  const role = t(`role.${item.role}`);
  return (
    <li aria-label={item.project}>
      <p>
        <strong>{item.project}</strong> ·{" "}
        {item.invitedBy ? t("home.invitedBy", { role, name: item.invitedBy }) : t("home.invitedAs", { role })}{" "}
        <span className="muted">{t("home.invitationExpires", { date: item.expires })}</span>
      </p>
      <form action={action} className="row-actions">
        <input type="hidden" name="invitationId" value={item.id} />
        {confirmed && (
          <button type="submit" name="answer" value="accept" className="primary" disabled={pending}>
            {t("home.accept")}
          </button>
        )}
        <button type="submit" name="answer" value="decline" disabled={pending}>
          {t("home.decline")}
        </button>
      </form>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </li>
  );
}
