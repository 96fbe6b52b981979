"use client";

import { useTranslation } from "react-i18next";
import { LinkifiedText } from "@/app/_components/linkified-text";
import type { SentBackEntry } from "./use-sent-back";

/** For the translator they were sent back to: those paragraphs first, each with the reviewer's reason. */
export function SentBack({ entries, onJump }: { entries: SentBackEntry[]; onJump: (entry: SentBackEntry) => void }) {
  const { t } = useTranslation();
  return (
    <section className="sent-back" aria-label={t("review.sentBack", { count: entries.length })}>
      <h2>{t("review.sentBack", { count: entries.length })}</h2>
      <p className="muted">{t("review.sentBackIntro")}</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.noteId} data-testid="sent-back-item">
            <button type="button" className="link" onClick={() => onJump(entry)}>
              {t("notes.paragraph", { position: entry.position })}
            </button>
            {": "}
            {entry.reason ? <LinkifiedText text={entry.reason} /> : t("review.noReason")}
          </li>
        ))}
      </ul>
    </section>
  );
}
