// A document's quality checks in one target language: every paragraph check on every paragraph,
// the document checks (inconsistent, length against the project's usual ratio), with the ignore
// marks in force. < 3 s for 10,000 paragraphs on a cold process, a fraction of that when the
// paragraphs' findings are remembered (report-cache.ts); bench/qa.ts measures both.
import type { TFunction } from "i18next";
import { z } from "zod";
import { requireDocument } from "../../auth/access";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertTarget } from "../../projects/languages";
import type { SegmentKind } from "../../segments/kinds";
import { DONE_STATUSES, type TranslationStatus } from "../../segments/status";
import type { LengthModel } from "../checks/length";
import { type DocumentFinding, runDocumentChecks } from "../document";
import { CHECK_CODES } from "../settings";
import { type Finding, severities } from "../types";
import { loadQaContext } from "./context";
import { activeIgnores, type IgnoreMark } from "./ignores";
import { present, type ShownFinding } from "./present";
import { reportMemo } from "./report-cache";

interface ParagraphRow {
  id: string;
  position: number;
  kind: string;
  source: string;
  text: string | null;
  status: string | null;
}

/** The text a span marks, with a little of what surrounds it (for the report and its CSV). */
export interface Excerpt {
  side: "source" | "target";
  before: string;
  text: string;
  after: string;
}

export interface DocumentQaFinding extends DocumentFinding {
  position: number;
  ignore?: IgnoreMark;
  excerpt?: Excerpt;
}

const CONTEXT = 40;

function excerptOf(span: Finding["span"], source: string, target: string): Excerpt | undefined {
  if (!span) return undefined;
  const text = span.side === "source" ? source : target;
  return {
    side: span.side,
    before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    text: text.slice(span.start, span.end),
    after: text.slice(span.end, span.end + CONTEXT),
  };
}

export interface DocumentQa {
  documentId: string;
  title: string;
  lang: string;
  paragraphs: number;
  findings: DocumentQaFinding[];
  /** About the run, said once (spelling unavailable for the language). */
  notices: Finding[];
  lengthModel: LengthModel;
}

/** Raw SQL: the typed client costs several times more per row, which matters at 10,000 paragraphs. */
function readParagraphs(db: Db, documentId: string, lang: string) {
  return db.$queryRaw<ParagraphRow[]>`
    SELECT s."id", s."position", s."kind", s."source", t."text", t."status"
    FROM "Segment" s
    LEFT JOIN "Translation" t ON t."segmentId" = s."id" AND t."lang" = ${lang}
    WHERE s."documentId" = ${documentId}
    ORDER BY s."position"`;
}

/**
 * The checks of a document in `lang`, no permission check (the report and the export routes check;
 * the command line acts as administrator). Throws not_found for a document that does not exist.
 */
export async function documentQa(db: Db, documentId: string, lang: string): Promise<DocumentQa> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, title: true, projectId: true, sourceLang: true },
  });
  if (!document) throw new AppError("not_found");
  const [rows, ctx, marks] = await Promise.all([
    readParagraphs(db, documentId, lang),
    loadQaContext(db, document.projectId, document.sourceLang, lang),
    activeIgnores(db, documentId, lang),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const entries = rows.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.text ?? "",
    kind: r.kind as SegmentKind,
    confirmed: DONE_STATUSES.includes((r.status ?? "new") as TranslationStatus),
  }));
  const result = runDocumentChecks(
    {
      entries,
      sourceLang: document.sourceLang,
      targetLang: lang,
      glossary: ctx.glossary,
      glossaryWords: ctx.glossaryWords,
      lengthModel: ctx.lengthModel,
    },
    ctx.settings,
    { spelling: ctx.spelling, memo: reportMemo(documentId, lang, ctx.stamp, entries.length) },
  );
  const findings = result.findings.map((f): DocumentQaFinding => {
    const mark = marks.get(f.segmentId)?.get(f.key);
    const row = byId.get(f.segmentId)!;
    const excerpt = excerptOf(f.span, row.source, row.text ?? "");
    return { ...f, position: row.position, ...(mark ? { ignore: mark } : {}), ...(excerpt ? { excerpt } : {}) };
  });
  return {
    documentId,
    title: document.title,
    lang,
    paragraphs: rows.length,
    findings,
    notices: result.notices,
    lengthModel: result.lengthModel,
  };
}

/** Paragraphs whose translation into `lang` has an open (not ignored) error: what an export leaves out. */
export async function paragraphsWithOpenErrors(db: Db, documentId: string, lang: string): Promise<Set<string>> {
  const { findings } = await documentQa(db, documentId, lang);
  return new Set(findings.filter((f) => f.severity === "error" && !f.ignore).map((f) => f.segmentId));
}

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = items.find((i) => !(values as readonly string[]).includes(i));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: "unknown_value" });
        return z.NEVER;
      }
      return items as T[];
    });

/** The report's query: which language, and optionally only some checks, severities, open or ignored findings. */
export const DocumentQaQuery = z.object({
  target: z.string().optional().describe("A target language of the project; default: its first"),
  check: list(CHECK_CODES).describe("Only these checks, comma-separated (e.g. citations,numbers)"),
  severity: list(severities).describe("Only these severities, comma-separated (error,warning,info)"),
  ignored: z
    .enum(["include", "exclude", "only"])
    .optional()
    .describe("include (default): every finding; exclude: open ones only; only: the ignored ones"),
});
export type DocumentQaFilter = z.output<typeof DocumentQaQuery>;

export type ReportFinding = ShownFinding & { segmentId: string; position: number; excerpt?: Excerpt };

export interface DocumentQaReport {
  documentTitle: string;
  lang: string;
  paragraphs: number;
  findings: ReportFinding[];
  notices: ShownFinding[];
  /** Counts over the whole document in the language (before the filter): open and ignored, by check and severity. */
  summary: { check: Finding["check"]; severity: Finding["severity"]; open: number; ignored: number }[];
}

function summarize(findings: DocumentQaFinding[]): DocumentQaReport["summary"] {
  const counts = new Map<string, DocumentQaReport["summary"][number]>();
  for (const f of findings) {
    const id = `${f.check}|${f.severity}`;
    let row = counts.get(id);
    if (!row) {
      row = { check: f.check, severity: f.severity, open: 0, ignored: 0 };
      counts.set(id, row);
    }
    if (f.ignore) row.ignored++;
    else row.open++;
  }
  const order = (c: string) => (CHECK_CODES as readonly string[]).indexOf(c);
  return [...counts.values()].sort(
    (a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || order(a.check) - order(b.check),
  );
}

/** Whether a finding passes the report's filter. */
export function matches(f: DocumentQaFinding, filter: DocumentQaFilter): boolean {
  if (filter.check.length > 0 && !(filter.check as string[]).includes(f.check)) return false;
  if (filter.severity.length > 0 && !filter.severity.includes(f.severity)) return false;
  if (filter.ignored === "exclude" && f.ignore) return false;
  if (filter.ignored === "only" && !f.ignore) return false;
  return true;
}

/** GET /api/v1/documents/{id}/qa and the report page: any member. */
export async function documentQaReport(
  db: Db,
  actor: Actor,
  documentId: string,
  raw: unknown,
  t: TFunction,
): Promise<DocumentQaReport> {
  const { access } = await requireDocument(db, actor, documentId, "project.read");
  const filter = parseInput(DocumentQaQuery, raw);
  const lang = filter.target ?? access.targetLangs[0] ?? "";
  assertTarget(access.targetLangs, lang, "target");
  const qa = await documentQa(db, documentId, lang);
  return {
    documentTitle: qa.title,
    lang,
    paragraphs: qa.paragraphs,
    findings: qa.findings
      .filter((f) => matches(f, filter))
      .map((f) => ({
        segmentId: f.segmentId,
        position: f.position,
        ...present(f, t, f.ignore),
        ...(f.excerpt ? { excerpt: f.excerpt } : {}),
      })),
    notices: qa.notices.map((n) => present(n, t, undefined)),
    summary: summarize(qa.findings),
  };
}
