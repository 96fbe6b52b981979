"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { Lng } from "@/lib/i18n/settings";
import { NewPasswordFields } from "../../setup/setup-form";
import { acceptInvitationAction } from "./actions";

export function InviteForm({ lng, token }: { lng: Lng; token: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(acceptInvitationAction, {});
  return (
    <form action={action} className="stack">
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="token" value={token} />
      <label>
        {t("auth.name")}
        <input name="name" autoComplete="name" required maxLength={120} />
      </label>
      <NewPasswordFields />
      <ErrorText error={state.error} />
      <button type="submit" className="primary" disabled={pending}>
        {t("auth.inviteButton")}
      </button>
    </form>
  );
}
