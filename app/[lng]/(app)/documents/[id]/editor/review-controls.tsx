"use client";

import { useEffect, useRef, useState } from "react";
import { WordDiffView } from "@/app/_components/word-diff-view";
import { useT } from "@/app/i18n/i18n-provider";
import type { Cell } from "@/lib/editor/rows";
import type { Decision } from "./editor-actions";

/** A decision asked for by a shortcut or the paragraph's menu; the token changes with each request. */
export interface DecisionRequest {
  decision: Decision;
  token: number;
}

/**
 * In review mode, under a translation: what changed since the last decision, and the decision
 * buttons (out of the tab order: Ctrl+Enter, Alt+Enter and Ctrl+Shift+Enter decide from the
 * text). Sending back asks why; approving a draft the translator never confirmed asks first.
 */
export function ReviewControls({
  cell,
  lang,
  baseline,
  request,
  onDecide,
  onDone,
}: {
  cell: Cell;
  lang: string;
  /** The text at the last review decision; undefined when never reviewed. */
  baseline: string | undefined;
  request: DecisionRequest | null;
  onDecide: (decision: Decision, note?: string) => Promise<boolean>;
  /** The reason box or the question closed: focus goes back to the text. */
  onDone: () => void;
}) {
  const { t } = useT();
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [reason, setReason] = useState("");
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const busy = cell.state !== "saved" || !cell.text.trim();

  const ask = (decision: Decision) => {
    if (busy) return;
    if (decision === "rejected") setRejecting(true);
    // The translator never said it is done: a reviewer's decision on a draft is confirmed first.
    else if (cell.status === "draft") setConfirming(decision);
    else void onDecide(decision);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request (its token) asks again.
  useEffect(() => {
    if (request) ask(request.decision);
  }, [request?.token]);
  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

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
              onDone();
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
                onDone();
              }}
            >
              {t("notes.cancel")}
            </button>
          </div>
        </form>
      ) : confirming ? (
        <div
          className="confirm-draft"
          role="alertdialog"
          aria-label={t("review.draftTitle")}
          data-testid="confirm-draft"
        >
          <p>{t(confirming === "approved" ? "review.draftApprove" : "review.draftReview")}</p>
          <div className="row-buttons">
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              onClick={async () => {
                setConfirming(null);
                await onDecide(confirming);
              }}
            >
              {t(confirming === "approved" ? "review.draftApproveYes" : "review.draftReviewYes")}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(null);
                onDone();
              }}
            >
              {t("notes.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="row-buttons">
          <button
            type="button"
            className="primary small"
            disabled={busy}
            tabIndex={-1}
            onClick={() => ask("approved")}
            aria-keyshortcuts="Control+Enter"
            title="Ctrl+Enter"
          >
            {t("review.approve")}
          </button>
          <button
            type="button"
            className="small"
            disabled={busy}
            tabIndex={-1}
            onClick={() => ask("reviewed")}
            aria-keyshortcuts="Alt+Enter"
            title="Alt+Enter"
          >
            {t("review.reviewed")}
          </button>
          <button
            type="button"
            className="small danger"
            disabled={busy}
            tabIndex={-1}
            onClick={() => ask("rejected")}
            aria-keyshortcuts="Control+Shift+Enter"
            title="Ctrl+Shift+Enter"
          >
            {t("review.reject")}
          </button>
        </div>
      )}
    </div>
  );
}
