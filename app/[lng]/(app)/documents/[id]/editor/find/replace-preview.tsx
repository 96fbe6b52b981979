"use client";

import { useTranslation } from "react-i18next";
import type { ReplaceAnswer } from "@/lib/api/schemas/translations";
import type { Out } from "@/lib/editor/api-client";

export type Change = Out<typeof ReplaceAnswer>["changes"][number];
export type Refused = Out<typeof ReplaceAnswer>["refused"][number];

/** Characters of context shown on each side of an occurrence. */
const CONTEXT = 40;

export const occurrenceKey = (segmentId: string, index: number) => `${segmentId}:${index}`;

function Snippet({
  text,
  start,
  end,
  replacement,
  lang,
}: {
  text: string;
  start: number;
  end: number;
  replacement: string;
  lang: string;
}) {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <span className="word-diff" lang={lang}>
      {from > 0 && "…"}
      {text.slice(from, start)}
      <del>{text.slice(start, end)}</del>
      <span className="sr-only"> → </span>
      <ins>{replacement}</ins>
      {text.slice(end, to)}
      {to < text.length && "…"}
    </span>
  );
}

/** Every occurrence the replace would change, each with a box to leave it as it is. */
export function ReplacePreview({
  changes,
  refused,
  lang,
  unticked,
  toggle,
  onJump,
}: {
  changes: Change[];
  refused: Refused[];
  lang: string;
  unticked: ReadonlySet<string>;
  toggle(key: string): void;
  onJump(segmentId: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ol className="replace-preview" aria-label={t("editor.replace.preview")}>
        {changes.map((c) => (
          <li key={c.segmentId} data-testid="replace-change">
            <button type="button" className="link" onClick={() => onJump(c.segmentId)}>
              {t("notes.paragraph", { position: c.position })}
            </button>
            <ul className="occurrences">
              {c.occurrences.map((o, i) => {
                const key = occurrenceKey(c.segmentId, i);
                return (
                  <li key={key}>
                    <label className="checkbox occurrence" data-testid="occurrence">
                      <input type="checkbox" checked={!unticked.has(key)} onChange={() => toggle(key)} />
                      <Snippet text={c.before} start={o.start} end={o.end} replacement={o.text} lang={lang} />
                    </label>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {refused.length > 0 && (
        <section className="notice" aria-label={t("editor.replace.refusedTitle", { count: refused.length })}>
          <h3>{t("editor.replace.refusedTitle", { count: refused.length })}</h3>
          <ul>
            {refused.map((r) => (
              <li key={r.segmentId} data-testid="replace-refused">
                <button type="button" className="link" onClick={() => onJump(r.segmentId)}>
                  {t("notes.paragraph", { position: r.position })}
                </button>
                {": "}
                {t(`editor.replace.refused.${r.reason}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
