"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { CopyButton } from "@/app/_components/copy-button";
import { ErrorText } from "@/app/_components/error-text";
import { projectRoles } from "@/lib/auth/roles";
import type { Lng } from "@/lib/i18n/settings";
import { addMemberAction, changeRoleAction, removeMemberAction } from "./actions";

function RoleSelect({ defaultValue, label }: { defaultValue: string; label: string }) {
  const { t } = useTranslation();
  return (
    <select name="role" defaultValue={defaultValue} aria-label={label}>
      {projectRoles.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </select>
  );
}

export function AddMemberForm({ projectId, lng }: { projectId: string; lng: Lng }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(addMemberAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="projectId" value={projectId} />
      <div className="inline-form">
        <label>
          {t("members.email")}
          <input name="email" type="email" required maxLength={254} />
        </label>
        <RoleSelect defaultValue="translator" label={t("members.role")} />
        <button type="submit" className="primary" disabled={pending}>
          {t("members.add")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok &&
        (state.data.token ? (
          <div role="status">
            <p>{t("members.invited", { email: state.data.email })}</p>
            <p className="secret" data-testid="invitation-link">
              {`${window.location.origin}/${lng}/invite/${state.data.token}`}
            </p>
            <CopyButton text={`${window.location.origin}/${lng}/invite/${state.data.token}`} />
          </div>
        ) : (
          <div role="status">
            <p className="form-ok">{t("members.accountInvited", { email: state.data.email })}</p>
            {state.data.emailConfirmed === false && <p>{t("members.inviteeNotConfirmed")}</p>}
          </div>
        ))}
    </form>
  );
}

export function MemberRowForms({
  projectId,
  userId,
  role,
  name,
}: {
  projectId: string;
  userId: string;
  role: string;
  name: string;
}) {
  const { t } = useTranslation();
  const [roleState, roleAction] = useActionState(changeRoleAction, null);
  const [removeState, removeAction] = useActionState(removeMemberAction, null);
  return (
    <>
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="userId" value={userId} />
        <RoleSelect defaultValue={role} label={`${t("members.role")}: ${name}`} />
        <button type="submit">{t("members.saveRole")}</button>
      </form>
      <form action={removeAction}>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className="danger" aria-label={`${t("members.remove")}: ${name}`}>
          {t("members.remove")}
        </button>
      </form>
      <ErrorText
        error={roleState && !roleState.ok ? roleState.error : removeState && !removeState.ok ? removeState.error : null}
      />
    </>
  );
}
