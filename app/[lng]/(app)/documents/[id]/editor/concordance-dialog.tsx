"use client";
// Concordance: where a phrase occurs in the memories' sources or targets, the phrase highlighted,
// how many units have it, a page at a time. Opened by Ctrl+K with what is selected.

import { type FormEvent, Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { TargetLangSelect } from "@/app/_components/target-lang-select";
import type { ConcordanceAnswer } from "@/lib/api/schemas/memory";
import { api, type Out } from "@/lib/editor/api-client";
import { errorKeys, errorParams } from "@/lib/error-params";
import { useModalDialog } from "./panels";

const PAGE = 20;
type Answer = Out<typeof ConcordanceAnswer>;

interface Props {
  request: { query: string; token: number } | null;
  projectId: string;
  langs: string[];
  sourceLang: string;
  onClose: () => void;
}

/** The text with the given ranges marked. */
function Marked({ text, ranges }: { text: string; ranges: { start: number; end: number }[] }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push({ text: text.slice(at, r.start), mark: false });
    parts.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}

export function ConcordanceDialog({ request, projectId, langs, sourceLang, onClose }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [side, setSide] = useState<"source" | "target">("source");
  const [lang, setLang] = useState(langs[0]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (q: string, offset: number, s = side, l = lang) => {
    if (q.trim() === "") return;
    setBusy(true);
    const res = await api.searchMemories({ q, target: l, side: s, project: projectId, offset });
    setBusy(false);
    if (!res.ok) {
      setAnswer(null);
      setError(t(errorKeys(res.error), errorParams(res.error)));
      return;
    }
    setError(null);
    setAnswer(res.data);
  };

  const ref = useModalDialog(request !== null, () => {
    const q = request?.query ?? "";
    setQuery(q);
    setAnswer(null);
    setError(null);
    if (q) void search(q, 0);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search(query, 0);
  };
  const offset = answer?.offset ?? 0;
  const shownTo = offset + (answer?.hits.length ?? 0);
  const more = answer ? shownTo < answer.total : false;

  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="concordance-title" onClose={onClose}>
      <h2 id="concordance-title">{t("memory.concordance")}</h2>
      <form className="concordance-form" onSubmit={submit}>
        <label>
          {t("memory.phrase")}
          <input type="search" value={query} maxLength={500} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t("memory.searchIn")}</legend>
          {(["source", "target"] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="concordance-side"
                checked={side === s}
                onChange={() => {
                  setSide(s);
                  void search(query, 0, s);
                }}
              />
              {s === "source" ? t("memory.sources") : t("memory.targets")}
            </label>
          ))}
        </fieldset>
        <TargetLangSelect
          langs={langs}
          value={lang}
          onChange={(l) => {
            setLang(l);
            void search(query, 0, side, l);
          }}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t("memory.search")}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <p role="status" data-testid="concordance-count">
          {answer.tooShort
            ? t("memory.queryTooShort")
            : answer.total === 0
              ? t("memory.noHits")
              : t(answer.totalIsExact ? "memory.hits" : "memory.hitsAtLeast", {
                  count: answer.total,
                  from: offset + 1,
                  to: shownTo,
                })}
        </p>
      )}
      {answer && answer.hits.length > 0 && (
        <table className="list concordance-hits">
          <thead>
            <tr>
              <th scope="col">{t(`lang.${sourceLang}`)}</th>
              <th scope="col">{t(`lang.${lang}`)}</th>
            </tr>
          </thead>
          <tbody>
            {answer.hits.map((h) => (
              <tr key={h.unitId} data-testid="concordance-hit">
                <td lang={sourceLang}>
                  <Marked text={h.source} ranges={answer.side === "source" ? h.highlights : []} />
                </td>
                <td lang={lang}>
                  <Marked text={h.target} ranges={answer.side === "target" ? h.highlights : []} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row-buttons">
        {answer && offset > 0 && (
          <button type="button" disabled={busy} onClick={() => void search(answer.query, Math.max(0, offset - PAGE))}>
            {t("memory.previous")}
          </button>
        )}
        {more && answer && (
          <button type="button" disabled={busy} onClick={() => void search(answer.query, offset + PAGE)}>
            {t("memory.next")}
          </button>
        )}
        <form method="dialog">
          <button type="submit">{t("editor.close")}</button>
        </form>
      </div>
    </dialog>
  );
}
