"use client";
// Find and replace, as a side panel: the editor's search (its options shared with the find field)
// and what to put instead, a preview of every occurrence (each can be left out), then one replace
// that the toast and the history can undo in one step.

import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { type ApiError, api } from "@/lib/editor/api-client";
import type { EditorPanel, PanelContext } from "../panel-types";
import { type Change, occurrenceKey, type Refused, ReplacePreview } from "./replace-preview";

function ReplacePanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useTranslation();
  const { find, langs } = ctx;
  const { options, replace } = find;
  const [preview, setPreview] = useState<{ changes: Change[]; refused: Refused[] } | null>(null);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ changed: number; refused: Refused[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = langs.includes(replace.lang) ? replace.lang : langs[0];

  // A preview shows what these settings do: any change of them asks for a new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the settings are what the effect watches.
  useEffect(() => {
    setPreview(null);
    setUnticked(new Set());
  }, [options, replace]);

  const body = {
    lang,
    find: options.find.trim(),
    replace: replace.text,
    matchCase: options.matchCase,
    wholeWords: options.wholeWords,
    regex: options.regex,
    preserveCase: replace.preserveCase,
  };
  const chosen = useMemo(() => {
    if (!preview) return { occurrences: 0, paragraphs: [] as Change[] };
    const paragraphs = preview.changes.filter((c) =>
      c.occurrences.some((_, i) => !unticked.has(occurrenceKey(c.segmentId, i))),
    );
    const occurrences = preview.changes.reduce(
      (n, c) => n + c.occurrences.filter((_, i) => !unticked.has(occurrenceKey(c.segmentId, i))).length,
      0,
    );
    return { occurrences, paragraphs };
  }, [preview, unticked]);

  const run = async (apply: boolean) => {
    setBusy(true);
    setError(null);
    try {
      // The server replaces in what it has: edits still waiting go first.
      await ctx.flushAll();
      const skip = chosen.paragraphs
        .map((c) => ({
          segmentId: c.segmentId,
          version: c.version,
          occurrences: c.occurrences.flatMap((_, i) => (unticked.has(occurrenceKey(c.segmentId, i)) ? [i] : [])),
        }))
        .filter((s) => s.occurrences.length > 0);
      const res = await api.replace(ctx.documentId, {
        ...body,
        apply,
        ...(apply ? { segmentIds: chosen.paragraphs.map((c) => c.segmentId), skip } : {}),
      });
      if (!res.ok) return setError(res.error);
      if (!apply) {
        setResult(null);
        setUnticked(new Set());
        setPreview({ changes: res.data.changes, refused: res.data.refused });
        return;
      }
      setPreview(null);
      setResult({ changed: res.data.changes.length, refused: res.data.refused });
      // The changed paragraphs no longer match: they stay in view, so the result can be read.
      ctx.keepRows(res.data.changes.map((c) => c.segmentId));
      await ctx.refreshLang(lang);
      const bulkEditId = res.data.bulkEditId;
      if (bulkEditId) {
        const occurrences = res.data.changes.reduce((n, c) => n + c.count, 0);
        find.setDone({ bulkEditId, lang, occurrences, paragraphs: res.data.changes.length });
      }
    } catch {
      setError({ code: "internal" }); // sending the waiting edits failed
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack replace-panel"
      onSubmit={(e) => {
        e.preventDefault();
        void run(false);
      }}
    >
      <label>
        {t("editor.replace.find")}
        <input value={options.find} onChange={(e) => find.set({ find: e.target.value })} required maxLength={1000} />
      </label>
      <label>
        {t("editor.replace.with")}
        <input value={replace.text} onChange={(e) => find.setReplace({ text: e.target.value })} maxLength={1000} />
      </label>
      {langs.length > 1 && (
        <label>
          {t("document.targetLanguage")}
          <select value={lang} onChange={(e) => find.setReplace({ lang: e.target.value })}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="replace-options">
        <legend>{t("editor.replace.options")}</legend>
        {(["matchCase", "wholeWords", "regex"] as const).map((key) => (
          <label key={key} className="checkbox">
            <input type="checkbox" checked={options[key]} onChange={(e) => find.set({ [key]: e.target.checked })} />{" "}
            {t(`editor.find.${key}`)}
          </label>
        ))}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={replace.preserveCase}
            onChange={(e) => find.setReplace({ preserveCase: e.target.checked })}
          />{" "}
          {t("editor.replace.preserveCase")}
        </label>
      </fieldset>
      <ErrorText error={error ?? find.error} />
      <button type="submit" disabled={busy || !options.find.trim() || Boolean(find.error)}>
        {t("editor.replace.preview")}
      </button>
      {result && (
        <p className="form-ok" role="status">
          {t("editor.replace.done", { count: result.changed })}
        </p>
      )}
      {result && result.refused.length > 0 && (
        <ReplacePreview
          changes={[]}
          refused={result.refused}
          lang={lang}
          unticked={unticked}
          toggle={() => {}}
          onJump={(id) => ctx.goToRow(id, lang)}
        />
      )}
      {preview && preview.changes.length === 0 && preview.refused.length === 0 && (
        <p className="muted" role="status">
          {t("editor.replace.none")}
        </p>
      )}
      {preview && (preview.changes.length > 0 || preview.refused.length > 0) && (
        <>
          <ReplacePreview
            changes={preview.changes}
            refused={preview.refused}
            lang={lang}
            unticked={unticked}
            toggle={(key) =>
              setUnticked((u) => {
                const next = new Set(u);
                if (!next.delete(key)) next.add(key);
                return next;
              })
            }
            onJump={(id) => ctx.goToRow(id, lang)}
          />
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.occurrences === 0}
            onClick={() => void run(true)}
          >
            {t("editor.replace.apply", { count: chosen.occurrences, paragraphs: chosen.paragraphs.length })}
          </button>
        </>
      )}
    </form>
  );
}

export const replacePanel: EditorPanel = {
  id: "replace",
  label: (t) => t("editor.replace.short"),
  title: (t) => t("editor.replace.open"),
  icon: "⇄",
  shortcut: { code: "KeyH", ctrl: true, label: "Ctrl+H" },
  available: ({ permissions }) => permissions.canEdit,
  Component: ReplacePanel,
};
