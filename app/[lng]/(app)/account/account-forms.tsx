"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { NewPasswordFields } from "../../(public)/setup/setup-form";
import { changePasswordAction, createTokenAction } from "./actions";

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="stack">
      <label>
        {t("account.currentPassword")}
        <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      <NewPasswordFields name="newPassword" label={t("account.newPassword")} />
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p className="form-ok" role="status">
          {t("account.passwordChanged")}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {t("account.changePassword")}
      </button>
    </form>
  );
}

export function CreateTokenForm() {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="stack">
      <div className="inline-form">
        <label>
          {t("account.tokenName")}
          <input name="name" maxLength={100} required />
        </label>
        <label>
          {t("account.confirmWithPassword")}
          <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} />
        </label>
        <button type="submit" disabled={pending}>
          {t("account.createToken")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <div role="status">
          <p>{t("account.tokenCreated")}</p>
          <p className="secret" data-testid="new-token">
            {state.data.token}
          </p>
        </div>
      )}
    </form>
  );
}
