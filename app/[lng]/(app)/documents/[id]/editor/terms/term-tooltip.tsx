"use client";
// The translations of a term under the pointer or in focus, beside it. Hoverable (the pointer may move
// onto it), dismissed with Esc, gone when pointer and focus leave. Screen readers get the same text
// from the term's own description (aria-describedby), so this box is only for the eyes.

import { useEffect } from "react";
import { TermText } from "@/app/_components/glossary/term-translations";
import { useT } from "@/app/i18n/i18n-provider";
import type { FoundTerm } from "@/lib/terms/recognize";

export interface TooltipTarget {
  anchor: DOMRect;
  terms: FoundTerm[];
  /** The term's number in the active paragraph's list (Ctrl+Shift+n inserts it); null in other rows. */
  number: number | null;
}

export function TermTooltip({
  target,
  langs,
  onEnter,
  onLeave,
}: {
  target: TooltipTarget | null;
  langs: string[];
  onEnter: () => void;
  onLeave: () => void;
}) {
  const { t } = useT();
  useEffect(() => {
    if (!target) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onLeave();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [target, onLeave]);
  if (!target) return null;
  const { anchor } = target;
  const below = anchor.bottom + 6;
  const style = {
    left: Math.max(8, Math.min(anchor.left, window.innerWidth - 320)),
    ...(below + 160 > window.innerHeight ? { bottom: window.innerHeight - anchor.top + 6 } : { top: below }),
  };
  return (
    // Hovering keeps it open (WCAG 1.4.13); it holds no controls.
    <div
      className="term-tooltip"
      style={style}
      aria-hidden="true"
      data-testid="term-tooltip"
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
    >
      {target.terms.map((term) => (
        <div key={term.entryId}>
          <strong>{term.term}</strong>
          {target.number !== null && target.number <= 9 && <kbd className="term-key">Ctrl+Shift+{target.number}</kbd>}
          <ul className="term-translations">
            {term.translations
              .filter((tr) => langs.includes(tr.lang))
              .map((tr) => (
                <li key={`${tr.lang}:${tr.term}`}>
                  {langs.length > 1 && <span className="lang-tag">{tr.lang}</span>} <TermText translation={tr} />
                </li>
              ))}
          </ul>
        </div>
      ))}
      {target.terms.every((term) => term.translations.every((tr) => !langs.includes(tr.lang))) && (
        <p className="muted">{t("terms.noTranslation")}</p>
      )}
    </div>
  );
}
