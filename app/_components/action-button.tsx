"use client";
// A button that runs one server action (bound to its thing on the server page, e.g.
// restoreProjectAction.bind(null, id)) and shows the translated refusal beside it.

import { useState, useTransition } from "react";
import type { ActionError } from "@/app/_lib/run-action";
import { ErrorText } from "./error-text";

interface Props {
  run: () => Promise<{ ok: boolean; error?: ActionError }>;
  label: string;
  /** The accessible name when the label alone does not say which thing (“Restore “Statute””). */
  ariaLabel?: string;
  className?: string;
}

export function ActionButton({ run, label, ariaLabel, className }: Props) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={pending}
        aria-label={ariaLabel}
        onClick={() =>
          start(async () => {
            const result = await run();
            setError(result.ok ? null : (result.error ?? null));
          })
        }
      >
        {label}
      </button>
      <ErrorText error={error} />
    </>
  );
}
