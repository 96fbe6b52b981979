// The QA report as CSV (UTF-8 with BOM, RFC 4180, headings in the reader's language): one row per
// finding, in paragraph order, as the report page lists them. Cells a spreadsheet would run as a
// formula are protected as in the document CSV (lib/exchange/spreadsheet-cell.ts).
import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";
import { protectCell as protect } from "../../exchange/spreadsheet-cell";
import type { DocumentQaReport } from "./document-report";

export function reportCsv(report: DocumentQaReport, t: TFunction): string {
  const head = [
    t("qa.report.paragraph"),
    t("qa.report.check"),
    t("qa.report.severity"),
    t("qa.report.message"),
    t("qa.report.side"),
    t("qa.report.marked"),
    t("qa.report.context"),
    t("qa.report.ignored"),
    t("qa.report.reason"),
    t("qa.report.ignoredBy"),
    t("qa.report.ignoredAt"),
  ];
  const rows = report.findings.map((f) => [
    f.position,
    t(`qa.checks.${f.check}`),
    t(`qa.severity.${f.severity}`),
    protect(f.message),
    f.excerpt ? t(`qa.report.sides.${f.excerpt.side}`) : "",
    protect(f.excerpt?.text ?? ""),
    protect(f.excerpt ? `${f.excerpt.before}[${f.excerpt.text}]${f.excerpt.after}` : ""),
    f.ignored ? t("qa.report.yes") : t("qa.report.no"),
    protect(f.ignore?.reason ?? ""),
    protect(f.ignore?.by?.name ?? ""),
    f.ignore?.at ?? "",
  ]);
  return `\uFEFF${stringify([head, ...rows], { record_delimiter: "\r\n" })}`;
}
