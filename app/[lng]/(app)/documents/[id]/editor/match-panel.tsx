"use client";
// The translation memory's matches for the active paragraph and each of its sentences: the
// percentage, the words that differ from the current source, where and when the unit was made;
// a click or Alt+1…Alt+9 inserts one. Its own component, so it can move into a docked side column.

import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { type InsertedMatch, withMatch } from "@/lib/editor/insert-match";
import { type MatchItem, useMatches, useMatchShortcuts } from "./use-matches";

interface Props {
  segmentId: string;
  lang: string;
  sourceLang: string;
  /** The translation as it is now in the editor. */
  text: string;
  canEdit: boolean;
  onInsert: (text: string) => void;
  /** Grows when a memory the project reads was written (use-live-updates.ts): the matches are asked again. */
  memoryStamp?: number;
}

/** The caret of the paragraph's translation field when it has focus. */
function caretIn(segmentId: string, lang: string): { start: number; end: number } | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLTextAreaElement) || el.dataset.segment !== segmentId || el.dataset.lang !== lang) return null;
  return { start: el.selectionStart, end: el.selectionEnd };
}

export function MatchPanel({ segmentId, lang, sourceLang, text, canEdit, onInsert, memoryStamp }: Props) {
  const { t, i18n } = useTranslation();
  const state = useMatches(segmentId, lang, memoryStamp);
  const matches = state.kind === "ready" ? state.data.matches : [];
  const insert = useCallback(
    (m: InsertedMatch) => {
      if (canEdit) onInsert(withMatch(text, m, caretIn(segmentId, lang)));
    },
    [canEdit, onInsert, text, segmentId, lang],
  );
  useMatchShortcuts(canEdit ? matches : [], insert);
  const sentences = state.kind === "ready" ? state.data.sentences : [];
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });

  return (
    <aside className="match-panel" aria-label={t("memory.matches")} data-testid="match-panel">
      <h2>{t("memory.matches")}</h2>
      {state.kind === "loading" && <p className="muted">{t("memory.looking")}</p>}
      {state.kind === "error" && <p className="error">{t("memory.matchesFailed")}</p>}
      {state.kind === "ready" && matches.length === 0 && (
        <p className="muted">{t("memory.noMatches", { threshold: state.data.threshold })}</p>
      )}
      <ol className="match-list">
        {matches.map((m, i) => (
          <MatchCard
            key={`${m.unitId}-${m.sentence ?? "p"}`}
            match={m}
            index={i}
            sentenceCount={sentences.length}
            sourceLang={sourceLang}
            lang={lang}
            canEdit={canEdit}
            date={date}
            onInsert={() => insert(m)}
          />
        ))}
      </ol>
    </aside>
  );
}

interface CardProps {
  match: MatchItem;
  index: number;
  sentenceCount: number;
  sourceLang: string;
  lang: string;
  canEdit: boolean;
  date: Intl.DateTimeFormat;
  onInsert: () => void;
}

function MatchCard({ match: m, index, sentenceCount, sourceLang, lang, canEdit, date, onInsert }: CardProps) {
  const { t } = useTranslation();
  const band = m.score >= 100 ? "exact" : m.score >= 85 ? "high" : "fuzzy";
  const where =
    m.sentence === undefined
      ? t("memory.forParagraph")
      : t("memory.forSentence", { n: m.sentence + 1, count: sentenceCount });
  const origin = [m.origin.memoryName, m.origin.documentTitle].filter(Boolean).join(" · ");
  return (
    <li className="match" data-testid="match">
      <div className="match-head">
        <span className={`match-score ${band}`} data-testid="match-score">
          {m.score} %
        </span>
        <span className="muted">{where}</span>
        {m.context && <span className="tag">{t("memory.context")}</span>}
        {m.numbersReplaced && <span className="tag">{t("memory.numbersReplaced")}</span>}
        {m.status === "draft" && <span className="tag">{t("status.draft")}</span>}
      </div>
      <p className="match-source word-diff" lang={sourceLang}>
        {m.diff.length === 0
          ? m.source
          : m.diff.map((part, i) =>
              part.kind === "added" ? (
                <ins key={i}>{part.text}</ins>
              ) : part.kind === "removed" ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
      </p>
      <p className="match-target" lang={lang}>
        {m.target}
      </p>
      <p className="match-origin muted">
        {origin}
        {origin && " · "}
        <time dateTime={m.updatedAt}>{date.format(new Date(m.updatedAt))}</time>
      </p>
      {canEdit && (
        <button type="button" onClick={onInsert} aria-keyshortcuts={index < 9 ? `Alt+${index + 1}` : undefined}>
          {t("memory.insert")}
          {index < 9 && <kbd>Alt+{index + 1}</kbd>}
        </button>
      )}
    </li>
  );
}
