"use client";
// Terminology in the editor: the document's glossary loaded once per page (with the stamp the page
// was rendered with, so the browser may keep it), recognised in the browser for the paragraphs on
// screen; the active paragraph, the term tooltip, inserting a translation, adding a term. Everything
// the editor's rows, panel and shortcuts need comes from this one context.

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type EntryAnswer, EntryDialog, type EntryDraft } from "@/app/_components/glossary/entry-dialog";
import { api } from "@/lib/editor/api-client";
import { insertable, TermsStore } from "@/lib/editor/terms-store";
import type { FoundTerm } from "@/lib/terms/recognize";
import { ActiveRow } from "./active-row";
import { insertInto, translationBox } from "./insert-text";
import { TermTooltip, type TooltipTarget } from "./term-tooltip";
import { useTermShortcuts } from "./use-term-shortcuts";
import { VisibleRows } from "./visible-rows";

export interface TermsConfig {
  projectId: string;
  /** The glossaries' stamp when the page was rendered (lib/terms/segment-terms.ts). */
  stamp: string;
  /** Every target language of the project (the add-term dialog offers them all). */
  targetLangs: string[];
  canEdit: boolean;
}

export interface TermsContextValue {
  store: TermsStore;
  active: ActiveRow;
  visibility: VisibleRows;
  langs: string[];
  projectId: string;
  canEdit: boolean;
  showTooltip: (target: TooltipTarget) => void;
  hideTooltip: (soon?: boolean) => void;
  /** Where the rows put their terms' hidden descriptions (outside the source text, for aria-describedby). */
  descriptions: HTMLElement | null;
  /** Inserts the term's translation into the row's translation box (the language last used there). */
  insertTerm: (rowId: string, term: FoundTerm, lang?: string) => boolean;
  /** Opens the add-term dialog, filled in from the words selected in the source and translation. */
  addTerm: () => void;
  sourceOf: (rowId: string) => string | undefined;
}

const TermsContext = createContext<TermsContextValue | null>(null);

export const useTerms = () => useContext(TermsContext);

interface Props {
  documentId: string;
  sourceLang: string;
  langs: string[];
  config: TermsConfig;
  children: ReactNode;
}

export function TermsProvider({ documentId, sourceLang, langs, config, children }: Props) {
  const { t } = useTranslation();
  const [store] = useState(() => new TermsStore(sourceLang));
  const [active] = useState(() => new ActiveRow());
  const [visibility] = useState(() => new VisibleRows(store));
  const [tooltip, setTooltip] = useState<TooltipTarget | null>(null);
  const [descriptions, setDescriptions] = useState<HTMLElement | null>(null);
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A notice says what happened (saved, nothing to insert) and goes away by itself.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  // The glossary, once per page; its answer may come from the browser's cache while the stamp holds.
  useEffect(() => {
    let live = true;
    void api.documentGlossary(documentId, config.stamp).then((res) => {
      if (!live) return;
      if (res.ok) store.load(res.data.entries);
      else store.fail();
    });
    return () => {
      live = false;
    };
  }, [documentId, config.stamp, store]);

  // After any change of the glossary, the paragraphs on screen are recognised again in one batch.
  useEffect(() => store.subscribe(() => store.prime(visibility.texts())), [store, visibility]);
  useEffect(() => active.watch(document), [active]);
  useEffect(() => () => visibility.disconnect(), [visibility]);

  // The row's source as shown (the editor's rows are its own state; the text on screen is the same).
  const sourceOf = useCallback(
    (rowId: string) =>
      document.querySelector(`[data-segment-id="${CSS.escape(rowId)}"] [data-testid="source"]`)?.textContent ??
      undefined,
    [],
  );

  const insertTerm = useCallback(
    (rowId: string, term: FoundTerm, lang?: string) => {
      const place = active.place?.rowId === rowId ? active.place : null;
      const into = lang ?? place?.lang ?? langs[0];
      const text = insertable(term, into);
      const box = translationBox(rowId, into);
      if (!text || !box) {
        setNotice(text ? t("terms.cannotInsert") : t("terms.nothingToInsert", { lang: t(`lang.${into}`) }));
        return false;
      }
      setNotice(null);
      insertInto(box, text);
      return true;
    },
    [active, langs, t],
  );

  const addTerm = useCallback(() => {
    const place = active.place;
    const fromSource = active.sourceSelection;
    const source = fromSource && (!place || fromSource.rowId === place.rowId) ? fromSource.text : "";
    // What is selected in the translation box in focus (or last focused) of the same row.
    const box = place?.lang ? translationBox(place.rowId, place.lang) : null;
    const target = box ? box.value.slice(box.selectionStart, box.selectionEnd).replace(/\s+/gu, " ").trim() : "";
    const lang = place?.lang ?? langs[0];
    setDraft({ term: source, translations: target ? [{ lang, term: target }] : [] });
  }, [active, langs]);

  const showTooltip = useCallback((target: TooltipTarget) => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    setTooltip(target);
  }, []);
  const hideTooltip = useCallback((soon = false) => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    if (soon) hideTimer.current = setTimeout(() => setTooltip(null), 250);
    else setTooltip(null);
  }, []);

  useTermShortcuts({ store, active, sourceOf, insertTerm, addTerm, canEdit: config.canEdit });

  const value = useMemo<TermsContextValue>(
    () => ({
      store,
      active,
      visibility,
      langs,
      projectId: config.projectId,
      canEdit: config.canEdit,
      showTooltip,
      hideTooltip,
      descriptions,
      insertTerm,
      addTerm,
      sourceOf,
    }),
    [store, active, visibility, langs, config, showTooltip, hideTooltip, descriptions, insertTerm, addTerm, sourceOf],
  );

  return (
    <TermsContext.Provider value={value}>
      {children}
      <div hidden ref={setDescriptions} />
      <p className="terms-notice" role="status" data-testid="terms-notice" hidden={!notice}>
        {notice}
      </p>
      <TermTooltip
        target={tooltip}
        langs={langs}
        onEnter={() => showTooltip(tooltip!)}
        onLeave={() => hideTooltip(true)}
      />
      {config.canEdit && (
        <EntryDialog
          open={draft !== null}
          onClose={() => setDraft(null)}
          projectId={config.projectId}
          sourceLang={sourceLang}
          targetLangs={config.targetLangs}
          initial={draft}
          onSaved={(answer: EntryAnswer) => {
            const { entry } = answer;
            store.add({
              id: entry.id,
              term: entry.term,
              sourceLang: entry.sourceLang,
              caseSensitive: entry.caseSensitive,
              translations: entry.translations,
            });
            setNotice(answer.message ?? t("glossary.saved", { term: entry.term }));
          }}
        />
      )}
    </TermsContext.Provider>
  );
}
