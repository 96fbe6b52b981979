// The quality report as CSV (UTF-8 with BOM, RFC 4180) with headings in the reader's language: the
// same error list as the page (one row an error), then the counts by category and the summary.
import { stringify } from "csv-stringify/sync";
import type { QualityReport } from "./quality";

type T = (key: string, options?: Record<string, unknown>) => string;

/** The text of an error's "quoted span" cell, as the page shows it. */
export function quoteCell(error: QualityReport["errors"][number], t: T): string {
  if (!error.quote) return t("quality.wholeParagraph");
  return error.quoteGone ? t("quality.quoteGone", { text: error.quote }) : error.quote;
}

export function qualityCsv(report: QualityReport, t: T, linkTo: (position: number) => string): string {
  const errorHead = [
    t("quality.paragraph"),
    t("quality.link"),
    t("quality.quote"),
    t("quality.category"),
    t("quality.severityLabel"),
    t("quality.author"),
    t("quality.status"),
  ];
  const errors = report.errors.map((e) => [
    e.position,
    linkTo(e.position),
    quoteCell(e, t),
    t(`quality.categories.${e.category}`),
    t(`quality.severity.${e.severity}`),
    e.author ?? t("editor.someone"),
    e.resolved ? t("quality.resolved") : t("quality.open"),
  ]);
  const head = [
    t("quality.category"),
    t("quality.severity.minor"),
    t("quality.severity.major"),
    t("quality.severity.critical"),
    t("quality.points"),
  ];
  const body = report.rows.map((r) => [t(`quality.categories.${r.category}`), r.minor, r.major, r.critical, r.points]);
  const totals = [
    t("quality.total"),
    report.totals.minor,
    report.totals.major,
    report.totals.critical,
    report.totals.points,
  ];
  const summary = [
    [],
    [t("quality.words"), report.words],
    [t("quality.documentWords"), report.documentWords],
    [t("quality.reviewedShare"), `${(report.reviewedShare * 100).toFixed(1)} %`],
    [t("quality.penaltyPer1000"), report.penaltyPer1000],
    [t("quality.threshold"), report.threshold],
    [t("quality.result"), report.pass ? t("quality.pass") : t("quality.fail")],
  ];
  const records = [errorHead, ...errors, [], head, ...body, totals, ...summary];
  return `\uFEFF${stringify(records, { record_delimiter: "\r\n" })}`;
}
