// POST /api/v1/qa/check: one source and target checked with a project's settings and glossaries,
// for tools and for the editor as the translator types (< 50 ms, bench/qa.ts). With a segmentId
// the paragraph's kind applies and each finding says whether it is ignored.
import type { TFunction } from "i18next";
import { z } from "zod";
import { requireProject } from "../../auth/access";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { SegmentKind } from "../../segments/kinds";
import { runChecks } from "../run";
import { loadQaContext } from "./context";
import { type IgnoreMark, segmentIgnores } from "./ignores";
import { present, type ShownFinding } from "./present";

const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "bad_lang" });
const Text = z.string().max(20_000, { message: "too_long" });

export const QaCheckInput = z.object({
  source: Text.describe("The source paragraph"),
  target: Text.describe("Its translation"),
  sourceLang: Lang.describe("BCP 47, e.g. uk"),
  targetLang: Lang.describe("BCP 47, e.g. en, kk, kk-Latn"),
  projectId: z.string().min(1).describe("Whose settings and glossaries apply; you must be a member"),
  segmentId: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A paragraph of the project the texts belong to: its kind applies and findings say whether they are ignored",
    ),
  kind: SegmentKind.optional().describe("List items may end in ; or nothing; default paragraph (or the segment's)"),
});

export async function checkText(
  db: Db,
  actor: Actor,
  raw: unknown,
  t: TFunction,
): Promise<{ findings: ShownFinding[] }> {
  const input = parseInput(QaCheckInput, raw);
  await requireProject(db, actor, input.projectId, "project.read");
  let kind = input.kind;
  let marks = new Map<string, IgnoreMark>();
  if (input.segmentId) {
    const segment = await db.segment.findUnique({
      where: { id: input.segmentId },
      select: { kind: true, document: { select: { projectId: true } } },
    });
    // Another project's paragraph is not there, as far as this caller is concerned.
    if (!segment || segment.document.projectId !== input.projectId) throw new AppError("not_found");
    kind ??= SegmentKind.catch("paragraph").parse(segment.kind);
    marks = await segmentIgnores(db, input.segmentId, input.targetLang);
  }
  const ctx = await loadQaContext(db, input.projectId, input.sourceLang, input.targetLang);
  const findings = runChecks(
    {
      source: input.source,
      target: input.target,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      kind,
      glossary: ctx.glossary,
      glossaryWords: ctx.glossaryWords,
    },
    ctx.settings,
    { spelling: ctx.spelling, lengthModel: ctx.lengthModel },
  );
  return { findings: findings.map((f) => present(f, t, marks.get(f.key))) };
}
