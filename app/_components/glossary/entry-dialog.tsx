"use client";
// Adding or changing a glossary entry, in a modal dialog: the glossary page uses it for "Add" and
// "Edit", the editor for "Add to the glossary" with the selected words filled in.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { useModalDialog } from "@/app/[lng]/(app)/documents/[id]/editor/panels";
import type { GlossaryEntryAnswer } from "@/lib/api/schemas/glossary";
import { type ApiError, api, type Out } from "@/lib/editor/api-client";
import { PARTS_OF_SPEECH, type TermStatus } from "@/lib/terms/types";
import { LanguageOptions, StatusOptions } from "./term-translations";

export type EntryAnswer = Out<typeof GlossaryEntryAnswer>;
export type EntryView = EntryAnswer["entry"];

interface DraftTranslation {
  key: number;
  lang: string;
  term: string;
  status: TermStatus;
  note: string;
}

export interface EntryDraft {
  term: string;
  translations: { lang: string; term: string; status?: TermStatus; note?: string }[];
  partOfSpeech?: string | null;
  definition?: string;
  note?: string;
  example?: string;
  caseSensitive?: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  sourceLang: string;
  targetLangs: string[];
  /** The entry to change; absent: a new entry, filled in from `initial`. */
  entry?: EntryView | null;
  initial?: EntryDraft | null;
  onSaved: (answer: EntryAnswer) => void;
}

let nextKey = 1;
const rowsOf = (draft: EntryDraft, langs: string[]): DraftTranslation[] => {
  const rows = draft.translations.map((t) => ({
    key: nextKey++,
    lang: t.lang,
    term: t.term,
    status: t.status ?? "preferred",
    note: t.note ?? "",
  }));
  // One empty row per language without a term, so each target language has its place.
  for (const lang of langs)
    if (!rows.some((r) => r.lang === lang))
      rows.push({ key: nextKey++, lang, term: "", status: "preferred", note: "" });
  return rows;
};

export function EntryDialog({ open, onClose, projectId, sourceLang, targetLangs, entry, initial, onSaved }: Props) {
  const { t } = useTranslation();
  const start = entry ?? initial ?? { term: "", translations: [] };
  const [term, setTerm] = useState("");
  const [rows, setRows] = useState<DraftTranslation[]>([]);
  const [fields, setFields] = useState({
    partOfSpeech: "",
    definition: "",
    note: "",
    example: "",
    caseSensitive: false,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => {
    setTerm(start.term);
    setRows(rowsOf(start, targetLangs));
    setFields({
      partOfSpeech: start.partOfSpeech ?? "",
      definition: start.definition ?? "",
      note: start.note ?? "",
      example: start.example ?? "",
      caseSensitive: start.caseSensitive ?? false,
    });
    setError(null);
  });
  const title = entry ? t("glossary.editTitle", { term: entry.term }) : t("glossary.addTitle");
  const filled = rows.filter((r) => r.term.trim() !== "");
  const field = typeof error?.details?.field === "string" ? error.details.field : "";
  const invalid = (name: string) => field === name || field.startsWith(`${name}.`);
  const rowInvalid = (row: DraftTranslation) => {
    const i = filled.indexOf(row);
    return i >= 0 && invalid(`translations.${i}`);
  };
  const setRow = (key: number, change: Partial<DraftTranslation>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function save() {
    setBusy(true);
    setError(null);
    const body = {
      term,
      translations: filled.map(({ lang, term, status, note }) => ({ lang, term, status, note })),
      partOfSpeech: (fields.partOfSpeech || null) as (typeof PARTS_OF_SPEECH)[number] | null,
      definition: fields.definition,
      note: fields.note,
      example: fields.example,
      caseSensitive: fields.caseSensitive,
    };
    const res = entry ? await api.updateGlossaryEntry(entry.id, body) : await api.addGlossaryEntry(projectId, body);
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    onSaved(res.data);
    onClose();
  }

  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="entry-dialog-title" onClose={onClose}>
      <form
        className="stack entry-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="entry-dialog-title">{title}</h2>
        <label className="field">
          {t("glossary.sourceTerm", { lang: t(`lang.${sourceLang}`) })}
          <input
            lang={sourceLang}
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            required
            maxLength={300}
            aria-invalid={invalid("term") || undefined}
          />
        </label>
        <fieldset className="stack">
          <legend>{t("glossary.translations")}</legend>
          {rows.map((row, i) => (
            <div key={row.key} className="translation-row">
              <label>
                {t("glossary.language")}
                <select value={row.lang} onChange={(e) => setRow(row.key, { lang: e.target.value })}>
                  <LanguageOptions langs={targetLangs} />
                </select>
              </label>
              <label className="grow">
                {t("glossary.targetTerm", { n: i + 1 })}
                <input
                  lang={row.lang}
                  value={row.term}
                  maxLength={300}
                  aria-invalid={rowInvalid(row) || undefined}
                  onChange={(e) => setRow(row.key, { term: e.target.value })}
                />
              </label>
              <label>
                {t("glossary.status")}
                <select value={row.status} onChange={(e) => setRow(row.key, { status: e.target.value as TermStatus })}>
                  <StatusOptions />
                </select>
              </label>
              <button
                type="button"
                className="small"
                onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                aria-label={t("glossary.removeTranslation", { n: i + 1 })}
              >
                ×
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="small"
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { key: nextKey++, lang: targetLangs[0], term: "", status: "preferred", note: "" },
                ])
              }
            >
              {t("glossary.addTranslation")}
            </button>
          </p>
        </fieldset>
        <div className="entry-fields">
          <label>
            {t("glossary.partOfSpeech")}
            <select
              value={fields.partOfSpeech}
              onChange={(e) => setFields((f) => ({ ...f, partOfSpeech: e.target.value }))}
            >
              <option value="">—</option>
              {PARTS_OF_SPEECH.map((p) => (
                <option key={p} value={p}>
                  {t(`terms.partOfSpeech.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={fields.caseSensitive}
              onChange={(e) => setFields((f) => ({ ...f, caseSensitive: e.target.checked }))}
            />{" "}
            {t("glossary.caseSensitive")}
          </label>
        </div>
        <label className="field">
          {t("glossary.definition")}
          <textarea
            lang={sourceLang}
            rows={2}
            value={fields.definition}
            maxLength={5000}
            onChange={(e) => setFields((f) => ({ ...f, definition: e.target.value }))}
          />
        </label>
        <label className="field">
          {t("glossary.example")}
          <input
            lang={sourceLang}
            value={fields.example}
            maxLength={5000}
            onChange={(e) => setFields((f) => ({ ...f, example: e.target.value }))}
          />
        </label>
        <label className="field">
          {t("glossary.note")}
          <textarea
            rows={2}
            value={fields.note}
            maxLength={5000}
            onChange={(e) => setFields((f) => ({ ...f, note: e.target.value }))}
          />
        </label>
        <ErrorText error={error} />
        <div className="row-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t("glossary.save")}
          </button>
          <button type="button" onClick={onClose}>
            {t("glossary.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
