"use client";

import { useActionState, useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import type { Lng } from "@/lib/i18n/settings";
import { setupAction } from "./actions";

export function SetupForm({ lng }: { lng: Lng }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(setupAction, {});
  const codeHint = useId();
  return (
    <form action={action} className="stack">
      <input type="hidden" name="lng" value={lng} />
      <div className="field">
        <label htmlFor={`${codeHint}-input`}>{t("auth.setupCode")}</label>
        <input
          id={`${codeHint}-input`}
          name="setupCode"
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={codeHint}
          defaultValue={state.setupCode}
        />
        <small id={codeHint} className="muted">
          {t("auth.setupCodeHint")}
        </small>
      </div>
      <label>
        {t("auth.name")}
        <input name="name" autoComplete="name" required maxLength={120} defaultValue={state.name} />
      </label>
      <label>
        {t("auth.email")}
        <input name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      </label>
      <NewPasswordFields />
      <ErrorText error={state.error} />
      <button type="submit" className="primary" disabled={pending}>
        {t("auth.setupButton")}
      </button>
    </form>
  );
}

export function NewPasswordFields({ name = "password", label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${hintId}-input`}>{label ?? t("auth.password")}</label>
        <input
          id={`${hintId}-input`}
          name={name}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={256}
          aria-describedby={hintId}
        />
        <small id={hintId} className="muted">
          {t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        </small>
      </div>
      <label>
        {t("auth.passwordRepeat")}
        <input name={`${name}Repeat`} type="password" autoComplete="new-password" required maxLength={256} />
      </label>
    </>
  );
}
