import type { TranslationStatus } from "@/lib/segments/statuses";
import { translationStatuses } from "@/lib/segments/statuses";

export interface ProgressLabels {
  title: string;
  summary: string;
  status: Record<TranslationStatus, string>;
}

/** Words per status as one stacked bar, with a text summary for people and screen readers. */
export function ProgressBar({
  words,
  paragraphs,
  labels,
  compact = false,
}: {
  words: Record<TranslationStatus, number>;
  paragraphs: Record<TranslationStatus, number>;
  labels: ProgressLabels;
  /** Bar and summary only, for tables. */
  compact?: boolean;
}) {
  const total = translationStatuses.reduce((sum, s) => sum + words[s], 0) || 1;
  return (
    <div className="progress" role="group" aria-label={labels.title}>
      <div className="progress-bar" aria-hidden="true">
        {translationStatuses.map((s) =>
          words[s] > 0 ? (
            <span key={s} className={`progress-part ${s}`} style={{ width: `${(100 * words[s]) / total}%` }} />
          ) : null,
        )}
      </div>
      <p className="progress-summary">{labels.summary}</p>
      {compact ? null : (
        <ul className="progress-legend">
          {translationStatuses
            .filter((s) => paragraphs[s] > 0)
            .map((s) => (
              <li key={s} data-status={s}>
                <span className={`dot ${s}`} /> {labels.status[s]}: {paragraphs[s]}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
