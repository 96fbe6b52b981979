"use client";

import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { CopyButton } from "@/app/_components/copy-button";
import { ErrorText } from "@/app/_components/error-text";
import { NewPasswordFields } from "../../(public)/setup/setup-form";
import { changeEmailAction, changeNameAction, changePasswordAction, createTokenAction } from "./actions";

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
          <CopyButton text={state.data.token} />
        </div>
      )}
    </form>
  );
}

export function ChangeNameForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(changeNameAction, null);
  return (
    <form action={action} className="stack">
      <label>
        {t("account.displayName")}
        <input
          name="name"
          defaultValue={name}
          required
          maxLength={120}
          autoComplete="name"
          aria-describedby="name-hint"
        />
      </label>
      <p className="muted" id="name-hint">
        {t("account.displayNameHint")}
      </p>
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p className="form-ok" role="status">
          {t("account.nameChanged")}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {t("account.saveName")}
        </button>
      </p>
    </form>
  );
}

export function ChangeEmailForm({ email, reconfirm }: { email: string; reconfirm: boolean }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(changeEmailAction, null);
  // Kept when the form resets after a refusal (a mistyped password should not cost the address too).
  const [newEmail, setNewEmail] = useState("");
  return (
    <form action={action} className="stack">
      <p className="muted">
        {t("account.email")}: <strong>{email}</strong>. {t("account.emailHint")}
      </p>
      {reconfirm && <p className="notice">{t("account.emailReconfirm")}</p>}
      <div className="inline-form">
        <label>
          {t("account.newEmail")}
          <input
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)}
          />
        </label>
        <label>
          {t("account.emailPassword")}
          <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} />
        </label>
        <button type="submit" disabled={pending}>
          {t("account.changeEmail")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p className="form-ok" role="status">
          {state.data.confirmed
            ? t("account.emailChanged", { email: state.data.email })
            : t("account.emailChangedUnconfirmed", { email: state.data.email })}
        </p>
      )}
    </form>
  );
}
