"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Copies through a selected, off-screen text box: for pages served over plain http, where the Clipboard API is missing. */
function copyBySelection(text: string): boolean {
  const box = document.createElement("textarea");
  box.value = text;
  box.setAttribute("readonly", "");
  box.style.position = "fixed";
  box.style.opacity = "0";
  document.body.append(box);
  box.select();
  try {
    return document.execCommand("copy");
  } finally {
    box.remove();
  }
}

/** "Copy" beside a secret or a link shown once, saying whether it worked. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    let ok = false;
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(text);
        ok = true;
      } else ok = copyBySelection(text);
    } catch {
      ok = copyBySelection(text);
    }
    setState(ok ? "copied" : "failed");
  };
  return (
    <span className="copy">
      <button type="button" onClick={copy} aria-label={label}>
        {t("account.copy")}
      </button>
      <span role="status" className={state === "failed" ? "form-error" : "form-ok"}>
        {state === "copied" ? t("account.copied") : state === "failed" ? t("account.copyFailed") : ""}
      </span>
    </span>
  );
}
