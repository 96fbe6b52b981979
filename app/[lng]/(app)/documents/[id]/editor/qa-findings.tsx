"use client";
// A translation's quality-check findings, under its text: each with its severity, its message, the
// quick fix where one exists, "ignore" with a reason; ignored ones folded away with who and why
// (reviewers see them), "add to dictionary" for owners on a spelling finding, links to the other
// paragraphs of an inconsistency.
import { memo, useId, useState } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { type CellQa, type QaFindingData, shownFindings } from "@/lib/editor/qa-model";
import type { QaController } from "./use-qa";

interface Props {
  rowId: string;
  lang: string;
  text: string;
  qa: CellQa | undefined;
  controller: QaController;
}

function IgnoreForm({
  onIgnore,
  onCancel,
}: {
  onIgnore: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="qa-ignore-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const failed = await onIgnore(reason);
        setBusy(false);
        if (failed) setError(failed);
      }}
    >
      <label htmlFor={id}>{t("qa.editor.reason")}</label>
      <textarea
        id={id}
        value={reason}
        maxLength={1000}
        rows={2}
        required
        // biome-ignore lint/a11y/noAutofocus: the form opens on the person's click, to type the reason at once.
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row-buttons">
        <button type="submit" className="small primary" disabled={busy || reason.trim() === ""}>
          {t("qa.editor.ignore")}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t("notes.cancel")}
        </button>
      </div>
    </form>
  );
}

function FindingItem({
  rowId,
  lang,
  finding,
  fresh,
  controller,
}: {
  rowId: string;
  lang: string;
  finding: QaFindingData;
  fresh: boolean;
  controller: QaController;
}) {
  const { t, i18n } = useT();
  const [ignoring, setIgnoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mark = finding.ignore;
  const word = finding.check === "spelling" ? String(finding.params.word ?? "") : "";
  const related = (finding.related ?? []).slice(0, 5);
  const run = async (work: () => Promise<string | null>) => setError(await work());
  return (
    <li className={`qa-finding qa-${finding.severity}${finding.ignored ? " ignored" : ""}`} data-check={finding.check}>
      <span className={`qa-severity qa-${finding.severity}`}>{t(`qa.severity.${finding.severity}`)}</span>{" "}
      <span className="qa-message">{finding.message}</span>
      {related.length > 0 && (
        <span className="qa-related">
          {related.map((id) => {
            const position = controller.positionOf(id);
            return position === undefined ? null : (
              <button key={id} type="button" className="link" onClick={() => controller.goToRow(id, lang)}>
                {t("qa.editor.paragraph", { position })}
              </button>
            );
          })}
        </span>
      )}
      {mark && (
        <span className="qa-ignore-note muted">
          {t("qa.editor.ignoredBy", {
            name: mark.by?.name ?? t("qa.editor.someone"),
            date: new Date(mark.at).toLocaleDateString(i18n.language),
            reason: mark.reason,
          })}
        </span>
      )}
      <span className="qa-actions">
        {finding.fix && controller.canEdit && !finding.ignored && (
          <button
            type="button"
            className="small"
            disabled={!fresh}
            onClick={() => controller.fix(rowId, lang, finding)}
          >
            {finding.fix.label}
          </button>
        )}
        {word && controller.canAddWords && !finding.ignored && (
          <button type="button" className="small" onClick={() => run(() => controller.addWord(rowId, lang, word))}>
            {t("qa.editor.addWord")}
          </button>
        )}
        {controller.canIgnore && !finding.ignored && !ignoring && (
          <button type="button" className="small" onClick={() => setIgnoring(true)}>
            {t("qa.editor.ignoreOpen")}
          </button>
        )}
        {controller.canIgnore && finding.ignored && (
          <button type="button" className="small" onClick={() => run(() => controller.unignore(rowId, lang, finding))}>
            {t("qa.editor.unignore")}
          </button>
        )}
      </span>
      {ignoring && (
        <IgnoreForm
          onCancel={() => setIgnoring(false)}
          onIgnore={async (reason) => {
            const failed = await controller.ignore(rowId, lang, finding, reason);
            if (!failed) setIgnoring(false);
            return failed;
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function QaFindingsImpl({ rowId, lang, text, qa, controller }: Props) {
  const { t } = useT();
  const shown = shownFindings(qa, text);
  if (shown.length === 0) return null;
  const open = shown.filter((f) => !f.ignored);
  const ignored = shown.filter((f) => f.ignored);
  const fresh = qa?.text === text;
  const item = (f: QaFindingData) => (
    <FindingItem key={f.key} rowId={rowId} lang={lang} finding={f} fresh={fresh} controller={controller} />
  );
  return (
    // A group, not a region: a landmark per translation would flood the landmark list (and repeat its name).
    <div role="group" className="qa-findings" aria-label={t("qa.editor.title")} data-testid="qa-findings">
      {open.length > 0 && <ul className="qa-list">{open.map(item)}</ul>}
      {ignored.length > 0 && (
        <details className="qa-ignored">
          <summary>{t("qa.editor.ignoredCount", { count: ignored.length })}</summary>
          <ul className="qa-list">{ignored.map(item)}</ul>
        </details>
      )}
    </div>
  );
}

export const QaFindings = memo(QaFindingsImpl);
