// The MQM quality report of a document in one target language: errors by category and severity,
// penalty points per 1,000 source words, pass or fail against the project's threshold.
import { stringify } from "csv-stringify/sync";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { type MqmCategory, mqmCategories, type Severity, severities, severityPoints } from "../notes/mqm";
import { assertTarget } from "../projects/languages";

export interface QualityRow {
  category: MqmCategory;
  minor: number;
  major: number;
  critical: number;
  points: number;
}

export interface QualityReport {
  lang: string;
  words: number;
  threshold: number;
  rows: QualityRow[];
  totals: Record<Severity, number> & { errors: number; points: number };
  penaltyPer1000: number;
  pass: boolean;
}

/** Pure arithmetic, so the numbers can be checked exactly. */
export function computeQuality(
  errors: { category: string | null; severity: string | null }[],
  words: number,
  threshold: number,
  lang: string,
): QualityReport {
  const rows: QualityRow[] = mqmCategories.map((category) => ({
    category,
    minor: 0,
    major: 0,
    critical: 0,
    points: 0,
  }));
  const totals = { minor: 0, major: 0, critical: 0, errors: 0, points: 0 };
  for (const e of errors) {
    const row = rows.find((r) => r.category === e.category);
    if (!row || !(severities as readonly string[]).includes(e.severity ?? "")) continue;
    const severity = e.severity as Severity;
    row[severity] += 1;
    row.points += severityPoints[severity];
    totals[severity] += 1;
    totals.errors += 1;
    totals.points += severityPoints[severity];
  }
  // Rounded to two decimals for display; pass/fail uses the exact value.
  const exact = words > 0 ? (totals.points * 1000) / words : 0;
  return {
    lang,
    words,
    threshold,
    rows,
    totals,
    penaltyPer1000: Math.round(exact * 100) / 100,
    pass: exact <= threshold,
  };
}

/** The report for `lang`, or for the project's first target language when none is asked for. */
export async function qualityReport(
  db: Db,
  actor: Actor,
  documentId: string,
  asked: string | null,
): Promise<QualityReport & { documentTitle: string }> {
  const { document, access } = await requireDocument(db, actor, documentId, "project.read");
  const lang = asked ?? access.targetLangs[0] ?? "";
  assertTarget(access.targetLangs, lang, "target");
  const project = await db.project.findUniqueOrThrow({
    where: { id: document.projectId },
    select: { qualityThreshold: true },
  });
  const [words, errors] = await Promise.all([
    db.segment.aggregate({ where: { documentId }, _sum: { wordCount: true } }),
    // Every error annotated, resolved or not: a fixed error was still made.
    db.note.findMany({
      where: { documentId, lang, parentId: null, category: { not: null }, severity: { not: null } },
      select: { category: true, severity: true },
    }),
  ]);
  const report = computeQuality(errors, words._sum.wordCount ?? 0, project.qualityThreshold, lang);
  return { ...report, documentTitle: document.title };
}

/** The report as CSV (UTF-8 with BOM, RFC 4180) with headings in the reader's language. */
export function qualityCsv(
  report: QualityReport,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
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
    [t("quality.penaltyPer1000"), report.penaltyPer1000],
    [t("quality.threshold"), report.threshold],
    [t("quality.result"), report.pass ? t("quality.pass") : t("quality.fail")],
  ];
  return `\uFEFF${stringify([head, ...body, totals, ...summary], { record_delimiter: "\r\n" })}`;
}
