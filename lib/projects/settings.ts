// A project's settings, changed by its owners: name, description, target languages, who may do
// what, the quality threshold. A target language that already has translations is removed only
// when the request confirms it, and then only hidden: its translations stay in the database and are
// there again when the language is added back. Later settings (glossary, memory, QA) join this input.
import { z } from "zod";
import { auditIn } from "../audit/record";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { type Db, Prisma, providerOf, type Tx } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { parseLanguages } from "./language-tags";
import { langsOf, targetLanguages } from "./languages";
import { DescriptionField, LanguageList, NameField } from "./project-input";

export const ProjectSettingsInput = z.object({
  name: NameField.optional().describe("1 to 200 characters"),
  description: DescriptionField.optional().describe("Up to 2,000 characters"),
  targetLangs: LanguageList.optional().describe(
    "The target languages (BCP 47 tags), in the order shown. Languages added get an empty translation in every " +
      "paragraph; removing one that has translations needs confirmRemoveLanguages.",
  ),
  confirmRemoveLanguages: z
    .boolean()
    .optional()
    .describe(
      "Remove target languages that have translations. They are only hidden: the translations stay and come " +
        "back when the language is added again.",
    ),
  reviewersMayEdit: z.boolean().optional().describe("Reviewers may edit translation text, not only decide on it"),
  translatorsMayEditGlossary: z
    .boolean()
    .optional()
    .describe("Translators and reviewers may add, edit and import entries of the project's glossary"),
  translatorsMayEditSource: z
    .boolean()
    .optional()
    .describe("Translators may edit, split and merge source paragraphs (owners always may)"),
  translatorsMayChangeApproved: z
    .boolean()
    .optional()
    .describe("Translators may change reviewed and approved paragraphs (locked for them otherwise)"),
  qualityThreshold: z
    .number()
    .min(0)
    .max(1000)
    .optional()
    .describe("Quality pass threshold: maximum MQM penalty points per 1,000 words"),
});

type Settings = z.output<typeof ProjectSettingsInput>;
type Columns = Omit<Settings, "targetLangs" | "confirmRemoveLanguages">;

/** Whether the input changes anything but the archive state (callers check "project.settings" for it). */
export const changesSettings = (input: Settings) =>
  Object.entries(input).some(([key, value]) => key !== "confirmRemoveLanguages" && value !== undefined);

export async function updateProjectSettings(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "project.settings");
  const input = parseInput(ProjectSettingsInput, raw);
  const plan = await planSettings(db, projectId, input);
  await db.$transaction((tx) => writeSettingsIn(tx, actor.userId, projectId, plan));
}

export interface SettingsPlan {
  columns: Columns;
  /** The new target languages in order, when they change. */
  langs: { next: string[]; added: string[]; removed: string[] } | null;
  before: Record<string, unknown>;
}

/** Checks the input against the project as it is now; nothing is written. */
export async function planSettings(db: Db, projectId: string, input: Settings): Promise<SettingsPlan> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { languages: targetLanguages },
  });
  const { targetLangs, confirmRemoveLanguages, ...columns } = input;
  const current = langsOf(project.languages);
  let langs: SettingsPlan["langs"] = null;
  if (targetLangs) {
    const next = parseLanguages(project.sourceLang, targetLangs).targetLangs;
    const added = next.filter((l) => !current.includes(l));
    const removed = current.filter((l) => !next.includes(l));
    if (removed.length > 0 && !confirmRemoveLanguages) {
      const kept = await translatedCounts(db, projectId, removed);
      if (kept.length > 0) {
        throw new AppError("invalid_input", {
          field: "targetLangs",
          reason: "languages_have_translations",
          value: kept.map((k) => k.lang).join(", "),
          translations: kept,
        });
      }
    }
    if (added.length > 0 || removed.length > 0 || next.join() !== current.join()) langs = { next, added, removed };
  }
  const before = Object.fromEntries(
    Object.keys(columns).map((key) => [key, project[key as keyof typeof project] as unknown]),
  );
  return { columns, langs, before: langs ? { ...before, targetLangs: current } : before };
}

/** Non-empty translations per language among `langs`, in the project's documents. */
export async function translatedCounts(db: Db, projectId: string, langs: string[]) {
  if (langs.length === 0) return [];
  const rows = await db.$queryRaw<{ lang: string; n: number | bigint }[]>`
    SELECT t."lang" AS "lang", COUNT(*) AS "n"
      FROM "Translation" t JOIN "Document" d ON d."id" = t."documentId"
     WHERE d."projectId" = ${projectId} AND t."lang" IN (${Prisma.join(langs)}) AND t."text" <> ''
     GROUP BY t."lang"`;
  return rows.map((r) => ({ lang: r.lang, count: Number(r.n) })).filter((r) => r.count > 0);
}

export async function writeSettingsIn(tx: Tx, actorId: string | null, projectId: string, plan: SettingsPlan) {
  const { columns, langs } = plan;
  await tx.project.update({ where: { id: projectId }, data: columns });
  if (langs) {
    await tx.projectLanguage.deleteMany({ where: { projectId } });
    await tx.projectLanguage.createMany({
      data: langs.next.map((lang, position) => ({ projectId, lang, position })),
    });
    const now = new Date();
    // A random id as the app's ids look: "l" and hex digits (each database has its own function).
    const newId =
      providerOf(tx) === "sqlite"
        ? Prisma.sql`'l' || lower(hex(randomblob(12)))`
        : Prisma.sql`'l' || replace(gen_random_uuid()::text, '-', '')`;
    // Every paragraph has a row per target language (progress counts are plain counts); a language
    // added back finds its old rows, translations and history untouched.
    for (const lang of langs.added) {
      await tx.$executeRaw`
        INSERT INTO "Translation" ("id", "segmentId", "documentId", "lang", "text", "status", "version", "createdAt", "updatedAt")
        SELECT ${newId}, s."id", s."documentId", ${lang}, '', 'new', 0, ${now}, ${now}
          FROM "Segment" s JOIN "Document" d ON d."id" = s."documentId"
         WHERE d."projectId" = ${projectId}
           AND NOT EXISTS (SELECT 1 FROM "Translation" t WHERE t."segmentId" = s."id" AND t."lang" = ${lang})`;
    }
  }
  await auditIn(tx, actorId, {
    action: "project.settings",
    projectId,
    entityType: "project",
    entityId: projectId,
    data: { from: plan.before, to: { ...columns, ...(langs ? { targetLangs: langs.next } : {}) } },
  });
}
