"use client";
// The terms of the active paragraph, in the side column: each entry once, numbered for Ctrl+Shift+n,
// with its translations into the languages shown: a click inserts an allowed one at the caret,
// forbidden ones are struck through. Self-contained (reads the terms context); registered as a side
// panel (termsPanel, in panel-registry.ts).

import Link from "next/link";
import { useParams } from "next/navigation";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { TermText } from "@/app/_components/glossary/term-translations";
import type { Row } from "@/lib/editor/rows";
import { distinctTerms } from "@/lib/editor/terms-store";
import type { EditorPanel } from "../panel-types";
import { useTerms } from "./terms-provider";

function TermsPanel({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const { lng } = useParams<{ lng: string }>();
  const ctx = useTerms();
  const noop = () => () => {};
  const place = useSyncExternalStore(
    ctx?.active.subscribe ?? noop,
    () => ctx?.active.place ?? null,
    () => null,
  );
  useSyncExternalStore(
    ctx?.store.subscribe ?? noop,
    () => ctx?.store.version ?? 0,
    () => 0,
  );
  if (!ctx) return null;
  const row = place ? rows.find((r) => r.id === place.rowId) : undefined;
  const terms = row ? distinctTerms(ctx.store.termsFor(row.source)) : [];
  const into = place?.lang && ctx.langs.includes(place.lang) ? [place.lang] : ctx.langs;

  return (
    <div className="terms-panel" data-testid="terms-panel">
      {ctx.store.state === "loading" && <p className="muted">{t("editor.loading")}</p>}
      {ctx.store.state === "failed" && (
        <p className="form-error" role="alert">
          {t("terms.loadFailed")}
        </p>
      )}
      {ctx.store.state === "ready" && !row && <p className="muted">{t("terms.pickParagraph")}</p>}
      {ctx.store.state === "ready" && row && terms.length === 0 && <p className="muted">{t("terms.noneHere")}</p>}
      {terms.length > 0 && (
        <ol className="terms-list">
          {terms.map((term, i) => {
            const entry = ctx.store.entry(term.entryId);
            return (
              <li key={term.entryId}>
                <div className="terms-head">
                  <strong lang={entry?.sourceLang}>{term.term}</strong>
                  {term.text.toLocaleLowerCase() !== term.term.toLocaleLowerCase() && (
                    <span className="muted" lang={entry?.sourceLang}>
                      {" "}
                      ({term.text})
                    </span>
                  )}
                  {i < 9 && <kbd className="term-key">Ctrl+Shift+{i + 1}</kbd>}
                </div>
                <ul className="term-translations">
                  {term.translations
                    .filter((tr) => into.includes(tr.lang))
                    .map((tr) => (
                      <li key={`${tr.lang}:${tr.term}`}>
                        {into.length > 1 && <span className="lang-tag">{tr.lang}</span>}{" "}
                        {tr.status === "forbidden" ? (
                          <TermText translation={tr} />
                        ) : (
                          <button
                            type="button"
                            className="link term-insert"
                            // Keeps the caret in the translation box the term goes into.
                            onMouseDown={(e) => e.preventDefault()}
                            onClick={() => ctx.insertTerm(row!.id, { ...term, translations: [tr] }, tr.lang)}
                            aria-label={t("terms.insert", { term: tr.term, lang: t(`lang.${tr.lang}`) })}
                            title={t("terms.insert", { term: tr.term, lang: t(`lang.${tr.lang}`) })}
                          >
                            <TermText translation={tr} />
                          </button>
                        )}
                      </li>
                    ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
      <div className="row-buttons">
        {ctx.canEdit && (
          <button
            type="button"
            className="small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={ctx.addTerm}
            title="Ctrl+Shift+L"
          >
            {t("terms.addFromSelection")}
          </button>
        )}
        <Link href={`/${lng}/projects/${ctx.projectId}/glossary`}>{t("terms.openGlossary")}</Link>
      </div>
    </div>
  );
}

/** The glossary's terms in the paragraph in focus (issue #15), in the side column. */
export const termsPanel: EditorPanel = {
  id: "terms",
  label: (t) => t("terms.panelButton"),
  title: (t, ctx) => (ctx.row ? t("terms.panelTitleOf", { position: ctx.row.position }) : t("terms.panelTitle")),
  icon: "T",
  followsRow: true,
  Component: ({ ctx }) => <TermsPanel rows={ctx.rows} />,
};
