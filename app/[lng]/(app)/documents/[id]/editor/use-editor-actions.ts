"use client";
// What a row can ask the editor to do (EditorActions), as one object for every row: made once and
// kept while the editor's own functions stay the same, so rows are not redrawn for it. Confirming
// asks the quality check first and moves on to the next paragraph to do; leaving a box sends what
// waits; focus moves the side panels and this tab's presence along.
import type { TFunction } from "i18next";
import { type Dispatch, type RefObject, type SetStateAction, useMemo } from "react";
import { isConfirmed, type Row } from "@/lib/editor/rows";
import type { TranslationStatus } from "@/lib/segments/status";
import type { Decision, EditorActions } from "./editor-actions";
import type { PanelArgs } from "./panel-types";

interface Options {
  t: TFunction;
  /** The rows shown now (the filter's), in order. */
  visibleRef: RefObject<Row[]>;
  filtered: boolean;
  editor: {
    edit(rowId: string, lang: string, text: string): void;
    setStatus(rowId: string, lang: string, status: TranslationStatus): void;
    revert(rowId: string, lang: string): void;
    flush(rowId: string, lang: string): void;
    keepMine(rowId: string, lang: string, text?: string): void;
    takeTheirs(rowId: string, lang: string): void;
  };
  navigation: {
    goTo(index: number, lang: string): void;
    goToNextAfter(rowId: string, lang: string, wanted: (row: Row) => boolean): boolean;
  };
  review: {
    decide(rowId: string, lang: string, decision: Decision, note?: string): Promise<boolean>;
    unlock(rowId: string, lang: string): Promise<void>;
  };
  qa: {
    guard(rowId: string, lang: string, what: "confirm" | "approve"): Promise<boolean>;
    controller: { focus(rowId: string, lang: string): void };
  };
  live: { focus(rowId: string, lang: string): void; blur(rowId: string, lang: string): void };
  panels: { open(id: string, args?: PanelArgs): void; follow(rowId: string, lang: string): void };
  setHint: Dispatch<SetStateAction<string | null>>;
  setActive: Dispatch<SetStateAction<{ rowId: string; lang: string } | null>>;
  /** The box the person is in now (kept current on focus, before the render). */
  activeRef: RefObject<{ rowId: string; lang: string } | null>;
  setHeld: Dispatch<SetStateAction<string | null>>;
  showShortcuts(): void;
}

export function useEditorActions(o: Options): EditorActions {
  const { t, visibleRef, filtered, setHint, setActive, activeRef, setHeld, showShortcuts } = o;
  const { edit, setStatus, revert, flush, keepMine, takeTheirs } = o.editor;
  const { goTo, goToNextAfter } = o.navigation;
  const { decide, unlock } = o.review;
  const { guard: qaGuard, controller: qaController } = o.qa;
  const { focus: liveFocus, blur: liveBlur } = o.live;
  const { open: openPanel, follow } = o.panels;
  return useMemo<EditorActions>(() => {
    const indexOf = (rowId: string) => visibleRef.current.findIndex((r) => r.id === rowId);
    return {
      edit,
      confirm(rowId, lang) {
        const cell = visibleRef.current[indexOf(rowId)]?.cells[lang];
        if (!cell) return;
        if (cell.text.trim() === "") {
          setHint(t("editor.emptyCannotConfirm"));
          return;
        }
        setHint(null);
        // Open quality-check errors: the person confirms anyway or goes back to fix them.
        void qaGuard(rowId, lang, "confirm").then((proceed) => {
          if (!proceed) return;
          // Its repetitions still open are filled by the server after the confirm (lib/tm/propagate.ts)
          // and arrive through the live stream (document.changed, reason repetitions).
          setStatus(rowId, lang, "translated");
          // The check can take a while (a slow server): someone who went to another box meanwhile stays there.
          const now = activeRef.current;
          if (now && (now.rowId !== rowId || now.lang !== lang)) return;
          // The next paragraph not yet confirmed; in a filtered view, failing that, the next of the filter.
          if (!goToNextAfter(rowId, lang, (r) => !isConfirmed(r.cells[lang])) && filtered)
            goToNextAfter(rowId, lang, () => true);
        });
      },
      move(rowId, lang, step) {
        goTo(indexOf(rowId) + step, lang);
      },
      copySource(rowId, lang) {
        const row = visibleRef.current[indexOf(rowId)];
        if (row) edit(rowId, lang, row.source);
      },
      revert,
      firstUntranslated(lang) {
        const index = visibleRef.current.findIndex((r) => !isConfirmed(r.cells[lang]));
        if (index >= 0) goTo(index, lang);
      },
      leave(rowId, lang) {
        flush(rowId, lang);
        liveBlur(rowId, lang);
      },
      focus(rowId, lang) {
        qaController.focus(rowId, lang);
        if (activeRef.current?.rowId !== rowId || activeRef.current.lang !== lang) activeRef.current = { rowId, lang };
        setActive((a) => (a?.rowId === rowId && a.lang === lang ? a : { rowId, lang }));
        follow(rowId, lang);
        liveFocus(rowId, lang);
      },
      hold: setHeld,
      release: (rowId) => setHeld((h) => (h === rowId ? null : h)),
      history: (rowId, lang) => openPanel("history", { rowId, lang }),
      keepMine,
      takeTheirs,
      showShortcuts,
      notes: (rowId, anchor, threadId) => openPanel("notes", { rowId, anchor, threadId }),
      async decide(rowId, lang, decision, note) {
        if (decision === "approved" && !(await qaGuard(rowId, lang, "approve"))) return false;
        return decide(rowId, lang, decision, note);
      },
      unlock,
    };
  }, [
    edit,
    setStatus,
    revert,
    flush,
    keepMine,
    takeTheirs,
    goTo,
    goToNextAfter,
    decide,
    unlock,
    showShortcuts,
    visibleRef,
    t,
    filtered,
    openPanel,
    follow,
    qaGuard,
    qaController,
    liveFocus,
    liveBlur,
    setHint,
    setActive,
    activeRef,
    setHeld,
  ]);
}
