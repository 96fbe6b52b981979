"use client";
// A translation's actions in one menu ("⋯"), so a paragraph costs one tab stop (its text box): the
// menu opens with Shift+F10 (or the context-menu key) from the text, and each item has a shortcut.

import type { RefObject } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { PROTECTED_STATUSES } from "@/lib/auth/permissions";
import type { Cell } from "@/lib/editor/rows";
import type { Decision } from "./editor-actions";
import { MenuButton, type MenuItem } from "./menu-button";

export interface CellMenuProps {
  position: number;
  lang: string;
  cell: Cell;
  /** The text may be changed here (edit rights, not locked, not shown in another script). */
  editable: boolean;
  canUnlock: boolean;
  canComment: boolean;
  hasSelection: boolean;
  review: boolean;
  open: boolean;
  setOpen(open: boolean): void;
  returnFocus: RefObject<HTMLElement | null>;
  on: {
    copySource(): void;
    revert(): void;
    history(): void;
    notes(): void;
    noteOnSelection(): void;
    unlock(): void;
    decide(decision: Decision): void;
  };
}

export function CellMenu(props: CellMenuProps) {
  const { t } = useT();
  const { cell, on } = props;
  const items: (MenuItem | false)[] = [
    props.editable && { id: "copy", label: t("editor.copySource"), shortcut: "Ctrl+Insert", onSelect: on.copySource },
    props.editable &&
      cell.text !== cell.savedText && { id: "revert", label: t("editor.revert"), shortcut: "Esc", onSelect: on.revert },
    ...(props.review
      ? ([
          { id: "approve", label: t("review.approve"), shortcut: "Ctrl+Enter", onSelect: () => on.decide("approved") },
          { id: "reviewed", label: t("review.reviewed"), shortcut: "Alt+Enter", onSelect: () => on.decide("reviewed") },
          {
            id: "reject",
            label: t("review.reject"),
            shortcut: "Ctrl+Shift+Enter",
            onSelect: () => on.decide("rejected"),
          },
        ] satisfies MenuItem[])
      : []),
    { id: "history", label: t("editor.history"), shortcut: "Alt+R", onSelect: on.history },
    { id: "notes", label: t("editor.panels.notes"), shortcut: "Alt+N", onSelect: on.notes },
    props.canComment &&
      props.hasSelection && {
        id: "note-on-selection",
        label: t("notes.onSelection"),
        shortcut: "Alt+M",
        onSelect: on.noteOnSelection,
      },
    props.canUnlock &&
      PROTECTED_STATUSES.includes(cell.status) && { id: "unlock", label: t("editor.unlock"), onSelect: on.unlock },
  ];
  return (
    <MenuButton
      label={t("editor.cellActions", { position: props.position, lang: t(`lang.${props.lang}`) })}
      items={items.filter((i): i is MenuItem => Boolean(i))}
      open={props.open}
      setOpen={props.setOpen}
      tabIndex={-1}
      returnFocus={props.returnFocus}
      className="cell-menu"
      testId="cell-menu"
    >
      ⋯
    </MenuButton>
  );
}
