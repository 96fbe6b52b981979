// "Ignore" on a single finding, with a reason: stored against (paragraph, language, finding key), so
// it stays while the text around the finding changes. Taking the mark back keeps the row (who and
// when), so a paragraph's QA history shows both, and reviewers see every ignored finding and why.
import { z } from "zod";
import { requireSegment } from "../../auth/access";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { assertTarget } from "../../projects/languages";
import { CHECK_CODES } from "../settings";

export const IgnoreInput = z.object({
  key: z.string().min(1).max(400).describe("The finding's key, as the check answered it (stable within the paragraph)"),
  check: z.enum(CHECK_CODES),
  messageKey: z
    .string()
    .max(100)
    .regex(/^qa\.[a-z-]+\.[a-z-]+$/, { message: "bad_message_key" })
    .describe("The finding's message key, kept to show in the history what was ignored"),
  params: z
    .record(z.string().max(40), z.union([z.string().max(500), z.number()]))
    .refine((p) => Object.keys(p).length <= 10, { message: "too_long" })
    .optional()
    .describe("The finding's message parameters"),
  reason: z
    .string()
    .trim()
    .min(1, { message: "ignore_reason_required" })
    .max(1_000, { message: "ignore_reason_too_long" })
    .describe("Why the finding can be ignored"),
});

/** How an ignore mark is shown (in the editor, the report and the history). */
export interface IgnoreMark {
  id: string;
  key: string;
  check: string;
  messageKey: string;
  params: Record<string, string | number>;
  reason: string;
  by: { id: string; name: string } | null;
  at: string;
  unignoredBy: { id: string; name: string } | null;
  unignoredAt: string | null;
}

const select = {
  id: true,
  findingKey: true,
  check: true,
  messageKey: true,
  params: true,
  reason: true,
  createdAt: true,
  unignoredAt: true,
  createdBy: { select: { id: true, name: true } },
  unignoredBy: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  findingKey: string;
  check: string;
  messageKey: string;
  params: string;
  reason: string;
  createdAt: Date;
  unignoredAt: Date | null;
  createdBy: { id: string; name: string } | null;
  unignoredBy: { id: string; name: string } | null;
};

function parseParams(json: string): Record<string, string | number> {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

function toMark(r: Row): IgnoreMark {
  return {
    id: r.id,
    key: r.findingKey,
    check: r.check,
    messageKey: r.messageKey,
    params: parseParams(r.params),
    reason: r.reason,
    by: r.createdBy,
    at: r.createdAt.toISOString(),
    unignoredBy: r.unignoredBy,
    unignoredAt: r.unignoredAt?.toISOString() ?? null,
  };
}

/** The marks in force for a document in one language: segment id → finding key → mark. */
export async function activeIgnores(
  db: Db,
  documentId: string,
  lang: string,
): Promise<Map<string, Map<string, IgnoreMark>>> {
  const rows = await db.qaIgnore.findMany({
    where: { documentId, lang, unignoredAt: null },
    select: { ...select, segmentId: true },
  });
  const out = new Map<string, Map<string, IgnoreMark>>();
  for (const r of rows) {
    let marks = out.get(r.segmentId);
    if (!marks) {
      marks = new Map();
      out.set(r.segmentId, marks);
    }
    marks.set(r.findingKey, toMark(r));
  }
  return out;
}

/** The marks in force for one paragraph and language: finding key → mark. */
export async function segmentIgnores(db: Db, segmentId: string, lang: string): Promise<Map<string, IgnoreMark>> {
  const rows = await db.qaIgnore.findMany({ where: { segmentId, lang, unignoredAt: null }, select });
  return new Map(rows.map((r) => [r.findingKey, toMark(r)]));
}

/** Marks a finding "ignore". Refused when the same finding is ignored already (409). */
export async function ignoreFinding(db: Db, actor: Actor, segmentId: string, lang: string, raw: unknown) {
  const { segment, access } = await requireSegment(db, actor, segmentId, "qa.ignore");
  assertTarget(access.targetLangs, lang);
  const input = parseInput(IgnoreInput, raw);
  // A key is the check's code, alone (untranslated, same-as-source) or followed by what it found.
  if (input.key !== input.check && !input.key.startsWith(`${input.check}:`))
    throw new AppError("invalid_input", { field: "key", reason: "key_not_of_check" });
  // One statement: the unique key on the mark in force (openKey) refuses a second one, whoever
  // inserted first. A look before the insert kept two requests at the same moment apart only by the
  // transaction's isolation, and cost PostgreSQL an abort and a re-run (docs/reliability-bugs.md).
  const row = await db.qaIgnore
    .create({
      data: {
        segmentId,
        documentId: segment.documentId,
        lang,
        findingKey: input.key,
        openKey: input.key,
        check: input.check,
        messageKey: input.messageKey,
        params: JSON.stringify(input.params ?? {}),
        reason: input.reason,
        createdById: actor.userId,
      },
      select,
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict", { reason: "already_ignored" });
      throw error;
    });
  return toMark(row);
}

/** Takes an ignore mark back; the row stays, with who did it and when. */
export async function unignoreFinding(db: Db, actor: Actor, ignoreId: string) {
  const found = await db.qaIgnore.findUnique({ where: { id: ignoreId }, select: { segmentId: true } });
  if (!found) throw new AppError("not_found");
  await requireSegment(db, actor, found.segmentId, "qa.ignore");
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.qaIgnore.updateMany({
      where: { id: ignoreId, unignoredAt: null },
      data: { unignoredAt: new Date(), unignoredById: actor.userId, openKey: null },
    });
    if (count === 0) throw new AppError("conflict", { reason: "not_ignored" });
    return tx.qaIgnore.findUniqueOrThrow({ where: { id: ignoreId }, select });
  });
  return toMark(row);
}

/** Every mark ever set on the paragraph in this language, newest first (any member may read). */
export async function ignoreHistory(db: Db, actor: Actor, segmentId: string, lang: string): Promise<IgnoreMark[]> {
  const { access } = await requireSegment(db, actor, segmentId, "project.read");
  assertTarget(access.targetLangs, lang);
  const rows = await db.qaIgnore.findMany({ where: { segmentId, lang }, orderBy: { createdAt: "desc" }, select });
  return rows.map(toMark);
}
