"use client";
// Pre-translation of the document from the memory, after a confirmation, and a summary of what was filled.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TargetLangSelect } from "@/app/_components/target-lang-select";
import type { PretranslateAnswer } from "@/lib/api/schemas/memory";
import { api, type Out } from "@/lib/editor/api-client";
import { errorKeys, errorParams } from "@/lib/error-params";
import { bands } from "@/lib/tm/band-list";
import { useModalDialog } from "./panels";

interface Props {
  documentId: string;
  langs: string[];
  open: boolean;
  onClose: () => void;
  onDone: (lang: string) => void;
}

export function PretranslateDialog({ documentId, langs, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [lang, setLang] = useState(langs[0]);
  const [result, setResult] = useState<Out<typeof PretranslateAnswer> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => {
    setResult(null);
    setError(null);
  });

  const run = async () => {
    setBusy(true);
    const res = await api.pretranslate(documentId, { target: lang });
    setBusy(false);
    if (!res.ok) return setError(t(errorKeys(res.error), errorParams(res.error)));
    setResult(res.data);
    onDone(lang);
  };
  const s = result?.summary;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="pretranslate-title" onClose={onClose}>
      <h2 id="pretranslate-title">{t("memory.pretranslate")}</h2>
      {!result && <p>{t("memory.pretranslateExplain")}</p>}
      {!result && <TargetLangSelect langs={langs} value={lang} onChange={setLang} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {s && (
        <div role="status" data-testid="pretranslate-summary">
          <p>{t("memory.pretranslateDone", { count: s.filled, translated: s.translated, drafts: s.drafts })}</p>
          <ul>
            <li>{t("memory.pretranslateKept", { count: s.alreadyTranslated })}</li>
            <li>{t("memory.pretranslateNoMatch", { count: s.noMatch })}</li>
            {bands.flatMap((b) =>
              s.byBand[b]
                ? [<li key={b}>{t("memory.pretranslateBand", { band: t(`memory.band.${b}`), count: s.byBand[b] })}</li>]
                : [],
            )}
          </ul>
        </div>
      )}
      <div className="row-buttons">
        {!result && (
          <button type="button" className="primary" disabled={busy} onClick={run}>
            {busy ? t("memory.pretranslating") : t("memory.pretranslateRun")}
          </button>
        )}
        <form method="dialog">
          <button type="submit">{result ? t("editor.close") : t("notes.cancel")}</button>
        </form>
      </div>
    </dialog>
  );
}
