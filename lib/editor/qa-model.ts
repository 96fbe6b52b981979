// What the editor knows of each translation's quality-check findings, and what it shows of them:
// pure data and functions (no React), shared by the hook that fetches them (use-qa.ts) and the
// components that show them. Findings come from the server: the document report once (errors and
// warnings of every paragraph, with the document checks), then a fresh check of a paragraph as its
// translation is typed or focused (every severity).
import type { DocumentQaFinding, QaFinding } from "../api/schemas/qa";
import type { Span } from "../notes/anchor";
import type { Out } from "./api-client";

export type QaFindingData = Out<typeof QaFinding>;
export type DocumentQaFindingData = Out<typeof DocumentQaFinding>;

/** Document checks: the paragraph check does not compute them; they come from the report. */
const DOCUMENT_CHECKS = new Set(["inconsistent"]);

export interface CellQa {
  /** The translation these findings are for: their offsets and fixes apply to this text. */
  text: string;
  findings: QaFindingData[];
  /** Document checks (inconsistent) from the last report. */
  documentFindings: QaFindingData[];
  /** Every severity (a paragraph check), or only errors and warnings (the document report). */
  complete: boolean;
}

/** Per target language. */
export type RowQa = Record<string, CellQa>;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The cells of a document report, by segment: errors and warnings, document checks apart. */
export function cellsFromReport(
  findings: DocumentQaFindingData[],
  texts: (segmentId: string) => string | undefined,
): Map<string, CellQa> {
  const out = new Map<string, CellQa>();
  for (const f of findings) {
    let cell = out.get(f.segmentId);
    if (!cell) {
      cell = { text: texts(f.segmentId) ?? "", findings: [], documentFindings: [], complete: false };
      out.set(f.segmentId, cell);
    }
    const { segmentId: _s, position: _p, excerpt: _e, ...finding } = f;
    (DOCUMENT_CHECKS.has(f.check) ? cell.documentFindings : cell.findings).push(finding);
  }
  return out;
}

/** A paragraph check's answer for a cell, keeping the document checks the last report found. */
export function withCheck(previous: CellQa | undefined, text: string, findings: QaFindingData[]): CellQa {
  return { text, findings, documentFindings: previous?.documentFindings ?? [], complete: true };
}

/** A report's answer for a cell that has a fresher paragraph check: only its document checks change. */
export function withReport(previous: CellQa | undefined, fromReport: CellQa | undefined): CellQa | undefined {
  if (!previous?.complete) return fromReport;
  return { ...previous, documentFindings: fromReport?.documentFindings ?? [] };
}

/**
 * What the cell shows, most severe first: nothing for an empty translation (being empty is plain to
 * see; the report lists it), and findings of an older text only until the fresh check answers.
 */
export function shownFindings(qa: CellQa | undefined, text: string): QaFindingData[] {
  if (!qa || text.trim() === "") return [];
  return [...qa.findings, ...qa.documentFindings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/**
 * Open (not ignored) errors of the cell's text. An empty translation's `untranslated` is left out,
 * as shownFindings leaves it out: the editor's status filter finds those, "has QA errors" the rest.
 */
export function openErrors(qa: CellQa | undefined): QaFindingData[] {
  if (!qa) return [];
  return [...qa.findings, ...qa.documentFindings].filter(
    (f) => f.severity === "error" && !f.ignored && f.check !== "untranslated",
  );
}

/** Whether the row has an open error in any of `langs` (the editor's "has QA errors" filter). */
export function rowHasOpenErrors(row: RowQa | undefined, langs: string[]): boolean {
  return Boolean(row && langs.some((lang) => openErrors(row[lang]).length > 0));
}

/** Span ids the highlighter reads: "qa:<severity>:<key>". */
const spanId = (f: QaFindingData) => `qa:${f.severity}:${f.key}`;

/** Spans of the open findings on the target, while the text is the one they were found in. */
export function targetSpans(qa: CellQa | undefined, text: string): Span[] {
  if (!qa || qa.text !== text) return [];
  return qa.findings
    .filter((f) => f.span?.side === "target" && !f.ignored && f.span.end > f.span.start)
    .map((f) => ({ id: spanId(f), start: f.span!.start, end: f.span!.end }));
}

/** Spans of the open findings on the source (a citation or number the translation lacks), any language. */
export function sourceSpans(row: RowQa | undefined): Span[] {
  if (!row) return [];
  return Object.values(row).flatMap((qa) =>
    qa.findings
      .filter((f) => f.span?.side === "source" && !f.ignored && f.span.end > f.span.start)
      .map((f) => ({ id: spanId(f), start: f.span!.start, end: f.span!.end })),
  );
}

/** A highlighted piece's class: note marks as before, a QA underline by the worst severity on it. */
export function markClass(ids: string[]): { className: string; noteIds: string[] } {
  const noteIds = ids.filter((id) => !id.startsWith("qa:"));
  const severities = ids.filter((id) => id.startsWith("qa:")).map((id) => id.split(":")[1]);
  const classes: string[] = [];
  if (noteIds.length) classes.push(noteIds.length > 1 ? "note-mark overlap" : "note-mark");
  const worst = (["error", "warning", "info"] as const).find((s) => severities.includes(s));
  if (worst) classes.push(`qa-mark qa-${worst}`);
  return { className: classes.join(" "), noteIds };
}
