"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { WordDiffView } from "@/app/_components/word-diff-view";
import type { Cell } from "@/lib/editor/rows";

/** In review mode, under a translation: what changed since the last decision, and the decision buttons. */
export function ReviewControls({
  cell,
  lang,
  baseline,
  rejectRequested,
  onDecide,
  onRejectDone,
}: {
  cell: Cell;
  lang: string;
  /** The text at the last review decision; undefined when never reviewed. */
  baseline: string | undefined;
  /** Set by the keyboard shortcut: opens the reason box. */
  rejectRequested: number | null;
  onDecide: (decision: "reviewed" | "approved" | "rejected", note?: string) => Promise<boolean>;
  onRejectDone: () => void;
}) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const busy = cell.state !== "saved" || !cell.text.trim();

  useEffect(() => {
    if (rejectRequested !== null) setRejecting(true);
  }, [rejectRequested]);
  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  return (
    <div className="review-controls" data-testid="review-controls">
      <p className="review-diff">
        {baseline === undefined ? (
          <span className="muted">{t("review.neverReviewed")}</span>
        ) : baseline === cell.text ? (
          <span className="muted">{t("review.unchangedSince")}</span>
        ) : (
          <>
            <span className="muted">{t("review.changedSince")}: </span>
            <WordDiffView before={baseline} after={cell.text} lang={lang} />
          </>
        )}
      </p>
      {rejecting ? (
        <form
          className="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await onDecide("rejected", reason)) {
              setRejecting(false);
              setReason("");
              onRejectDone();
            }
          }}
        >
          <label>
            {t("review.rejectReason")}
            <textarea ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={10_000} />
          </label>
          <div className="row-buttons">
            <button type="submit" className="danger">
              {t("review.confirmReject")}
            </button>
            <button
              type="button"
              onClick={() => {
                setRejecting(false);
                onRejectDone();
              }}
            >
              {t("notes.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="row-buttons">
          <button
            type="button"
            className="primary small"
            disabled={busy}
            onClick={() => void onDecide("approved")}
            title="Ctrl+Enter"
          >
            {t("review.approve")}
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => void onDecide("reviewed")}>
            {t("review.reviewed")}
          </button>
          <button
            type="button"
            className="small danger"
            disabled={busy}
            onClick={() => setRejecting(true)}
            title="Ctrl+Shift+Enter"
          >
            {t("review.reject")}
          </button>
        </div>
      )}
    </div>
  );
}
