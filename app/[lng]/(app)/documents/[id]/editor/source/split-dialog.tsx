"use client";
// Splitting a paragraph: the caret's place in the source (movable here, by mouse or keyboard), and
// for each translation shown either "keep it whole with the first part" (the default, marked
// "source changed") or a cut at the caret placed in it.

import { useRef, useState } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { type ApiError, api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import { languageLabel } from "@/lib/i18n/language-label";
import { useModalDialog } from "../panels";
import type { SourceEditing } from "./source-editing";

interface Props {
  row: Row;
  langs: string[];
  sourceLang: string;
  /** Where the caret was in the source when the dialog was opened. */
  offset: number | null;
  editing: SourceEditing;
  open: boolean;
  onClose: () => void;
}

export function SplitDialog({ row, langs, sourceLang, offset, editing, open, onClose }: Props) {
  const { t, i18n } = useT();

  const source = useRef<HTMLTextAreaElement>(null);
  const targets = useRef<Record<string, HTMLTextAreaElement | null>>({});
  const [cutTranslations, setCut] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => {
    setError(null);
    setCut({});
    // The caret where it was clicked, or the middle of the paragraph.
    requestAnimationFrame(() => {
      const at = offset ?? Math.floor(row.source.length / 2);
      source.current?.focus();
      source.current?.setSelectionRange(at, at);
    });
  });
  async function split() {
    const at = source.current?.selectionStart ?? 0;
    const targetOffsets = Object.fromEntries(
      langs.filter((l) => cutTranslations[l]).map((l) => [l, targets.current[l]?.selectionStart ?? 0]),
    );
    setBusy(true);
    await editing.flush();
    const result = await api.split(row.id, { offset: at, targetOffsets });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onClose();
    // The caret goes on in the second part.
    const { segmentId, newSegmentId: inserted, structureVersion } = result.data;
    await editing.changed({ segmentId, inserted, structureVersion }, inserted);
  }
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby={`split-${row.id}`} onClose={onClose}>
      <h2 id={`split-${row.id}`}>{t("sourceEdit.splitTitle", { position: row.position })}</h2>
      <p className="muted">{t("sourceEdit.splitHelp")}</p>
      <label className="field">
        {t("sourceEdit.splitSource")}
        <textarea ref={source} readOnly defaultValue={row.source} rows={4} lang={sourceLang} className="split-text" />
      </label>
      {langs.map((lang) => {
        const text = row.cells[lang]?.text ?? "";
        if (!text.trim()) return null;
        const name = languageLabel(t, lang, i18n.language);
        return (
          <fieldset key={lang} className="stack split-target">
            <legend>{name}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={Boolean(cutTranslations[lang])}
                onChange={(e) => setCut((c) => ({ ...c, [lang]: e.target.checked }))}
              />
              {t("sourceEdit.cutTranslation")}
            </label>
            {cutTranslations[lang] ? (
              <label className="field">
                {t("sourceEdit.cutWhere", { lang: name })}
                <textarea
                  ref={(el) => {
                    targets.current[lang] = el;
                  }}
                  readOnly
                  defaultValue={text}
                  rows={3}
                  lang={lang}
                  className="split-text"
                />
              </label>
            ) : (
              <p className="muted">{t("sourceEdit.keepWhole")}</p>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p className="form-error" role="alert">
          {t(errorKeys(error), errorParams(error))}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void split()}>
          {t("sourceEdit.splitButton")}
        </button>
        <button type="button" onClick={onClose}>
          {t("documents.cancel")}
        </button>
      </div>
    </dialog>
  );
}
