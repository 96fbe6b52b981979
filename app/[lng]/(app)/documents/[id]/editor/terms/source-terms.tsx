"use client";
// A source paragraph with its glossary terms underlined (and its notes' spans marked, as before).
// Recognised only while on screen; in the active paragraph the terms are underlined fully, numbered
// for Ctrl+Shift+n and reachable with the keyboard (Shift+Tab from the translation box), elsewhere
// lightly. The text itself stays exactly the source: descriptions live outside it.

import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useT } from "@/app/i18n/i18n-provider";
import { distinctTerms } from "@/lib/editor/terms-store";
import type { Span } from "@/lib/notes/anchor";
import type { FoundTerm } from "@/lib/terms/recognize";
import { type FindMarks, HighlightedText } from "../highlighted-text";
import { type TermsContextValue, useTerms } from "./terms-provider";

interface Props {
  rowId: string;
  text: string;
  spans: Span[];
  /** The editor's search matches in this text (#12), marked inside and outside terms alike. */
  finds?: FindMarks | null;
}

export function SourceTerms(props: Props) {
  const terms = useTerms();
  if (!terms) return <HighlightedText text={props.text} spans={props.spans} finds={props.finds} />;
  return <RecognisedSource {...props} ctx={terms} />;
}

interface Group {
  start: number;
  end: number;
  terms: FoundTerm[];
}

/** Terms with the same span (the same term in two glossaries) are one mark. */
function groupBySpan(found: FoundTerm[]): Group[] {
  const groups: Group[] = [];
  for (const f of found) {
    const last = groups[groups.length - 1];
    if (last && last.start === f.start && last.end === f.end) last.terms.push(f);
    else groups.push({ start: f.start, end: f.end, terms: [f] });
  }
  return groups;
}

/** The search matches inside [start, end), shifted to start there, the current one still current. */
function clipFinds(finds: FindMarks | null | undefined, start: number, end: number): FindMarks | null {
  if (!finds) return null;
  const ranges: FindMarks["ranges"] = [];
  let current = -1;
  finds.ranges.forEach((r, i) => {
    if (r.start >= end || r.end <= start) return;
    if (i === finds.current) current = ranges.length;
    ranges.push({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start });
  });
  return { ranges, current };
}

/** The note spans inside [start, end), shifted to start there. */
const clip = (spans: Span[], start: number, end: number): Span[] =>
  spans
    .filter((s) => s.start < end && s.end > start)
    .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));

function RecognisedSource({ rowId, text, spans, finds, ctx }: Props & { ctx: TermsContextValue }) {
  const { t } = useT();
  const ref = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  const { store, active, visibility, langs } = ctx;
  useEffect(() => visibility.register(ref.current!, text, setVisible), [visibility, text]);
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const isActive = useSyncExternalStore(
    active.subscribe,
    () => active.place?.rowId === rowId,
    () => false,
  );
  // The active paragraph always (its terms are in the panel and the shortcut), others while on screen.
  const found = visible || isActive ? store.termsFor(text) : [];
  if (found.length === 0)
    return (
      <span ref={ref}>
        <HighlightedText text={text} spans={spans} finds={finds} />
      </span>
    );

  const numbers = new Map(distinctTerms(found).map((f, i) => [f.entryId, i + 1]));
  const groups = groupBySpan(found);
  const descriptionOf = (g: Group) =>
    g.terms
      .map((term) => {
        const into = term.translations.filter((tr) => langs.includes(tr.lang));
        const list = into.length
          ? into
              .map((tr) => `${tr.term}${tr.status === "preferred" ? "" : ` (${t(`terms.status.${tr.status}`)})`}`)
              .join("; ")
          : t("terms.noTranslation");
        return t("terms.description", { term: term.term, translations: list });
      })
      .join(" ");
  const hover = (g: Group) => (e: MouseEvent<HTMLElement> | { currentTarget: HTMLElement }) =>
    ctx.showTooltip({
      anchor: e.currentTarget.getBoundingClientRect(),
      terms: g.terms,
      number: isActive ? (numbers.get(g.terms[0].entryId) ?? null) : null,
    });
  const onKey = (g: Group) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    ctx.insertTerm(rowId, g.terms[0]);
  };

  const pieces = [];
  let at = 0;
  groups.forEach((g, i) => {
    if (g.start > at)
      pieces.push(
        <HighlightedText
          key={`t${at}`}
          text={text.slice(at, g.start)}
          spans={clip(spans, at, g.start)}
          finds={clipFinds(finds, at, g.start)}
        />,
      );
    pieces.push(
      // biome-ignore lint/a11y/noStaticElementInteractions: a term in running text; its description is aria-describedby, Enter inserts it.
      <span
        key={`g${g.start}`}
        className={`term-mark${isActive ? " active" : ""}`}
        data-testid="term"
        data-entry-id={g.terms[0].entryId}
        tabIndex={isActive ? 0 : -1}
        aria-describedby={`term-${rowId}-${i}`}
        onMouseEnter={hover(g)}
        onMouseLeave={() => ctx.hideTooltip(true)}
        onFocus={hover(g)}
        onBlur={() => ctx.hideTooltip()}
        onKeyDown={onKey(g)}
      >
        <HighlightedText
          text={text.slice(g.start, g.end)}
          spans={clip(spans, g.start, g.end)}
          finds={clipFinds(finds, g.start, g.end)}
        />
      </span>,
    );
    at = g.end;
  });
  if (at < text.length)
    pieces.push(
      <HighlightedText
        key={`t${at}`}
        text={text.slice(at)}
        spans={clip(spans, at, text.length)}
        finds={clipFinds(finds, at, text.length)}
      />,
    );

  return (
    <span ref={ref}>
      {pieces}
      {ctx.descriptions &&
        createPortal(
          groups.map((g, i) => (
            <span key={g.start} id={`term-${rowId}-${i}`}>
              {descriptionOf(g)}
            </span>
          )),
          ctx.descriptions,
        )}
    </span>
  );
}
