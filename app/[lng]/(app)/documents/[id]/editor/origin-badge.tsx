"use client";
// Where a filled translation came from, beside its status (as memoQ and Trados show a segment's match
// rate): pre-translated at some percentage (101 = context match), or a repetition; "edited" once the
// text was changed (lib/translations/origin.ts). The memory's name is in the tooltip; the match
// column says it all in words (OriginNote), for screen readers too.
import { useTranslation } from "react-i18next";
import type { Cell, Row } from "@/lib/editor/rows";

/** Changed since it was filled: saved so (the database marked it), or being typed now. */
export const originEdited = (cell: Cell) => Boolean(cell.origin?.edited || cell.text !== cell.savedText);

export function OriginBadge({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const origin = cell.origin;
  if (!origin || cell.text.trim() === "") return null;
  const edited = originEdited(cell);
  const main =
    origin.kind === "repetition"
      ? t("memory.originRepetition")
      : origin.score > 100
        ? t("memory.originContext")
        : t("memory.originMemory", { score: origin.score });
  const from =
    origin.kind === "memory" && origin.name ? t("memory.originFrom", { name: origin.name, score: origin.score }) : null;
  const label = [main, from, edited ? t("memory.originEditedSince") : null].filter(Boolean).join(". ");
  return (
    <span
      className={`origin-badge ${origin.kind}${edited ? " edited" : ""}${origin.score >= 100 ? " exact" : ""}`}
      data-testid="origin-badge"
      title={label}
    >
      {main}
      {edited && <> · {t("memory.originEdited")}</>}
    </span>
  );
}

/** Above the active paragraph's matches: where its text came from, in full. */
export function OriginNote({ cell, rows }: { cell: Cell; rows: Row[] }) {
  const { t } = useTranslation();
  const origin = cell.origin;
  if (!origin || cell.text.trim() === "") return null;
  let text: string;
  if (origin.kind === "repetition") {
    const from = rows.find((r) => r.id === origin.segmentId);
    text = from ? t("memory.originFromRepetition", { position: from.position }) : t("memory.originFromRepetitionGone");
  } else {
    const main = origin.score > 100 ? t("memory.originContext") : t("memory.originMemory", { score: origin.score });
    text = origin.name ? t("memory.originFrom", { name: origin.name, score: origin.score }) : main;
  }
  return (
    <p className={`tag origin-note ${origin.kind}`} data-testid="origin-note">
      {text}
      {originEdited(cell) && <> · {t("memory.originEditedSince")}</>}
    </p>
  );
}
