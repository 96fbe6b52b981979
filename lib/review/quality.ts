// The MQM quality report of a document in one target language: errors by category and severity,
// penalty points per 1,000 words of the paragraphs that were reviewed (a paragraph nobody looked at
// proves nothing about quality), pass or fail against the project's threshold, and every error.
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { type MqmCategory, mqmCategories, type Severity, severities, severityPoints } from "../notes/mqm";
import { assertTarget } from "../projects/languages";
import { reviewedWords } from "./reviewed-words";

export interface QualityRow {
  category: MqmCategory;
  minor: number;
  major: number;
  critical: number;
  points: number;
}

/** One annotated error, as the report lists it. */
export interface QualityError {
  noteId: string;
  segmentId: string;
  /** The paragraph's position in the document. */
  position: number;
  /** The words the error is on ("" for the paragraph as a whole). */
  quote: string;
  /** The quoted words are no longer in the text ("text changed"). */
  quoteGone: boolean;
  category: MqmCategory;
  severity: Severity;
  author: string | null;
  resolved: boolean;
  createdAt: string;
}

export interface QualityReport {
  lang: string;
  /** Source words of the reviewed paragraphs: what the penalty is per 1,000 of. */
  words: number;
  /** Source words of the whole document. */
  documentWords: number;
  /** words / documentWords (0 for an empty document). */
  reviewedShare: number;
  threshold: number;
  rows: QualityRow[];
  totals: Record<Severity, number> & { errors: number; points: number };
  penaltyPer1000: number;
  pass: boolean;
  errors: QualityError[];
}

type Counted = Omit<QualityReport, "documentWords" | "reviewedShare" | "errors">;

/** Pure arithmetic, so the numbers can be checked exactly. `words`: the words reviewed. */
export function computeQuality(
  errors: { category: string | null; severity: string | null }[],
  words: number,
  threshold: number,
  lang: string,
): Counted {
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

const isCategory = (c: string | null): c is MqmCategory => (mqmCategories as readonly string[]).includes(c ?? "");
const isSeverity = (s: string | null): s is Severity => (severities as readonly string[]).includes(s ?? "");

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
  const [project, words, notes] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: document.projectId }, select: { qualityThreshold: true } }),
    reviewedWords(db, documentId, lang),
    // Every error annotated, resolved or not: a fixed error was still made.
    db.note.findMany({
      where: { documentId, lang, parentId: null, category: { not: null }, severity: { not: null } },
      select: {
        id: true,
        segmentId: true,
        category: true,
        severity: true,
        anchorText: true,
        anchorLost: true,
        fromFile: true,
        fileAuthor: true,
        author: { select: { name: true } },
        resolvedAt: true,
        createdAt: true,
        segment: { select: { position: true } },
      },
      orderBy: [{ segment: { position: "asc" } }, { createdAt: "asc" }],
    }),
  ]);
  const counted = computeQuality(notes, words.reviewed, project.qualityThreshold, lang);
  const errors: QualityError[] = notes.flatMap((n) =>
    isCategory(n.category) && isSeverity(n.severity)
      ? [
          {
            noteId: n.id,
            segmentId: n.segmentId,
            position: n.segment.position,
            quote: n.anchorText ?? "",
            quoteGone: n.anchorLost,
            category: n.category,
            severity: n.severity,
            // An imported error: the reviewer its file named, not the member who imported it.
            author: (n.fromFile ? n.fileAuthor : null) ?? n.author?.name ?? null,
            resolved: n.resolvedAt !== null,
            createdAt: n.createdAt.toISOString(),
          },
        ]
      : [],
  );
  return {
    ...counted,
    documentWords: words.document,
    reviewedShare: words.document > 0 ? words.reviewed / words.document : 0,
    errors,
    documentTitle: document.title,
  };
}
