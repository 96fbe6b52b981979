"use client";
// "Delete forever": the button stays disabled until the exact name is typed (the server checks again).

import { useActionState, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepValues } from "@/app/_lib/keep-values";
import type { ActionResult } from "@/app/_lib/run-action";
import { ErrorText } from "./error-text";

interface Props {
  name: string;
  hidden: Record<string, string>;
  action: (prev: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;
}

export function ConfirmNameForm({ name, hidden, action }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [state, run, pending] = useActionState(action, null);
  return (
    <details className="forever">
      <summary>{t("trash.deleteForever")}</summary>
      <form onSubmit={keepValues(run)} className="inline-form">
        {Object.entries(hidden).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor={id}>
          {t("trash.typeName", { name })}
          <input id={id} name="confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="danger" disabled={pending || typed.trim() !== name}>
          {t("trash.deleteForeverButton")}
        </button>
        <ErrorText error={state && !state.ok ? state.error : null} />
      </form>
    </details>
  );
}
