"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { Lng } from "@/lib/i18n/settings";
import { signInAction } from "./actions";

export function SignInForm({ lng, next }: { lng: Lng; next: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(signInAction, {});
  return (
    <form action={action} className="stack">
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="next" value={next} />
      <label>
        {t("auth.email")}
        <input name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      </label>
      <label>
        {t("auth.password")}
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      <ErrorText error={state.error} />
      <button type="submit" className="primary" disabled={pending}>
        {t("auth.signIn")}
      </button>
    </form>
  );
}
