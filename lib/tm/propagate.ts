// Repetitions filled on the server (auto-propagation): once a paragraph is confirmed, the other
// paragraphs of its document with the same source that are still open (empty, or an untouched fill)
// get its text as drafts marked "repetition", in one short transaction, and every open editor of the
// document hears of it (document.changed, reason "repetitions"). Runs after the confirm was answered
// (after-confirm.ts), so it never slows a save; the project setting `repetitions` turns it off.
import type { Db } from "../db/client";
import { Prisma } from "../db/client";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";
import { changedSince, writeFilledTranslations } from "../translations/bulk";
import { normalizeText } from "./normalize";
import { planRepetitions, type RepetitionCandidate } from "./repetitions";
import { memorySettings } from "./settings";

export interface PropagateResult {
  /** The paragraphs filled. */
  filled: string[];
}

const NONE: PropagateResult = { filled: [] };

interface CandidateRow {
  segmentId: string;
  source: string;
  id: string | null;
  text: string | null;
  status: string | null;
  version: number | bigint | null;
  origin: string | null;
  originEdited: number | boolean | null;
}

/**
 * The paragraphs of the document whose source could normalise to `normalized`: the normalised text
 * is never longer than the stored one, and at most half of it (every letter decomposed, runs of
 * spaces); the exact comparison is made afterwards. Saves reading (and normalising) every paragraph
 * of a long document on every confirm.
 */
function readCandidates(db: Db, documentId: string, segmentId: string, lang: string, normalized: string) {
  const min = normalized.length;
  const max = normalized.length * 2 + 16;
  return db.$queryRaw<CandidateRow[]>(Prisma.sql`
    SELECT s."id" AS "segmentId", s."source", t."id", t."text", t."status", t."version", t."origin", t."originEdited"
      FROM "Segment" s LEFT JOIN "Translation" t ON t."segmentId" = s."id" AND t."lang" = ${lang}
     WHERE s."documentId" = ${documentId} AND s."id" <> ${segmentId}
       AND length(s."source") BETWEEN ${min} AND ${max}`);
}

function candidateOf(row: CandidateRow): RepetitionCandidate {
  return {
    segmentId: row.segmentId,
    source: row.source,
    translation:
      row.id === null
        ? null
        : {
            id: row.id,
            text: row.text ?? "",
            status: row.status ?? "new",
            version: Number(row.version ?? 0),
            origin: row.origin,
            originEdited: Boolean(row.originEdited),
          },
  };
}

/**
 * Fills the open repetitions of a confirmed paragraph's translation into `lang`, as the database has
 * it now (a paragraph no longer confirmed fills nothing). A paragraph saved by someone in between is
 * left alone. Answers what was filled.
 */
export async function propagateRepetitions(db: Db, segmentId: string, lang: string): Promise<PropagateResult> {
  const confirmed = await db.translation.findUnique({
    where: { segmentId_lang: { segmentId, lang } },
    select: {
      text: true,
      status: true,
      updatedById: true,
      segment: { select: { source: true, documentId: true, document: { select: { projectId: true } } } },
    },
  });
  if (!confirmed || !DONE_STATUSES.includes(confirmed.status as TranslationStatus)) return NONE;
  const { source, documentId } = confirmed.segment;
  const normalized = normalizeText(source);
  if (normalized === "" || confirmed.text.trim() === "") return NONE;
  if (!(await memorySettings(db, confirmed.segment.document.projectId)).repetitions) return NONE;

  const candidates = (await readCandidates(db, documentId, segmentId, lang, normalized)).map(candidateOf);
  const fills = planRepetitions({ segmentId, source, text: confirmed.text }, candidates);
  if (fills.length === 0) return NONE;
  const stored = new Map(candidates.map((c) => [c.segmentId, c.translation]));
  const now = new Date();

  const filled = await db.$transaction(async (tx) => {
    // A language added after the document has no rows yet: made empty, then written like the others.
    const rows = new Map<string, { id: string; version: number }>();
    for (const f of fills) {
      const t = stored.get(f.segmentId);
      if (t) rows.set(f.segmentId, t);
      else
        rows.set(
          f.segmentId,
          await tx.translation.create({
            data: { segmentId: f.segmentId, documentId, lang },
            select: { id: true, version: true },
          }),
        );
    }
    const moved = new Set(
      (
        await changedSince(
          tx,
          fills.map((f) => ({ segmentId: f.segmentId, lang, version: rows.get(f.segmentId)!.version })),
        )
      ).map((t) => t.segmentId),
    );
    const written = fills.filter((f) => !moved.has(f.segmentId));
    await writeFilledTranslations(
      tx,
      written.map((f) => {
        const row = rows.get(f.segmentId)!;
        return {
          id: row.id,
          text: f.text,
          status: f.status,
          version: row.version + 1,
          updatedById: confirmed.updatedById,
          updatedAt: now,
          origin: "repetition" as const,
          score: 100,
          name: null,
          segmentId: f.fromSegmentId,
        };
      }),
    );
    return written.map((f) => f.segmentId);
  });
  if (filled.length > 0) {
    await publishLive(db, {
      type: "document.changed",
      documentId,
      actorId: confirmed.updatedById,
      data: { change: "translations", lang, reason: "repetitions", segmentIds: listedSegments(filled) },
    });
  }
  return { filled };
}
