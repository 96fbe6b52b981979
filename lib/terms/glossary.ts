// Glossary entries: create (merging duplicates), update, delete, and where an entry belongs.
// No permission checks here: callers (routes, server actions, the command line) check the asker's
// access to the project first and pass plain ids. Input is parsed before any write; every write is
// one short transaction that also bumps the glossary's version (the recognition cache's stamp).
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { langsOf, targetLanguages } from "../projects/languages";
import { stemKey, termKey } from "./keys";
import { EntryInput, EntryUpdate, type ParsedEntry } from "./validation";
import { translationRows, writeEntries } from "./write-entries";

type Client = Db | Tx;

export interface ProjectLanguages {
  sourceLang: string;
  targetLangs: string[];
}

export async function projectLanguages(db: Client, projectId: string): Promise<ProjectLanguages> {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { sourceLang: true, languages: targetLanguages },
  });
  if (!project) throw new AppError("not_found");
  return { sourceLang: project.sourceLang, targetLangs: langsOf(project.languages) };
}

/** The project's own glossary, created on first use. */
export async function ensureGlossary(tx: Client, projectId: string) {
  return tx.glossary.upsert({ where: { projectId }, create: { projectId }, update: {} });
}

/** Marks the glossary changed: the recognition cache sees a new stamp. */
export async function bumpGlossary(tx: Client, glossaryId: string) {
  await tx.glossary.update({ where: { id: glossaryId }, data: { version: { increment: 1 } } });
}

type ParsedTranslation = ParsedEntry["translations"][number];

/** Drops repeated translations (same language and folded term); the first one wins. */
export function uniqueTranslations(translations: ParsedTranslation[]): ParsedTranslation[] {
  const seen = new Set<string>();
  return translations.filter((t) => {
    const key = `${t.lang}\u0000${termKey(t.term, t.lang)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Refuses target languages the project does not translate into (and the source language). */
export function checkLanguages(translations: ParsedTranslation[], languages: ProjectLanguages, field = "translations") {
  translations.forEach((t, i) => {
    if (!languages.targetLangs.includes(t.lang))
      throw new AppError("invalid_input", {
        field: `${field}.${i}.lang`,
        reason: "lang_not_in_project",
        value: t.lang,
      });
  });
}

const withTranslations = { translations: { orderBy: { position: "asc" } } } as const;

/** Adds an entry to the project's own glossary (merging it into an existing one with the same term). */
export async function createGlossaryEntry(db: Db, projectId: string, authorId: string | null, raw: unknown) {
  const input = parseInput(EntryInput, raw);
  const languages = await projectLanguages(db, projectId);
  const sourceLang = input.sourceLang ?? languages.sourceLang;
  // The project's documents are in its source language: an entry in another would never be found.
  if (sourceLang !== languages.sourceLang)
    throw new AppError("invalid_input", { field: "sourceLang", reason: "not_source_lang", value: sourceLang });
  checkLanguages(input.translations, languages);
  return db.$transaction(async (tx) => {
    const glossary = await ensureGlossary(tx, projectId);
    const [report] = await writeEntries(tx, glossary.id, [{ ...input, sourceLang }], authorId);
    await bumpGlossary(tx, glossary.id);
    const entry = await tx.glossaryEntry.findUniqueOrThrow({
      where: { id: report.entryId },
      include: withTranslations,
    });
    return { entry, merged: report.merged, duplicateTranslations: report.duplicateTranslations };
  });
}

/** Which glossary and project an entry belongs to, for the caller's access check; null when there is none. */
export async function glossaryEntryOwner(db: Client, entryId: string) {
  const entry = await db.glossaryEntry.findUnique({
    where: { id: entryId },
    select: { id: true, glossaryId: true, glossary: { select: { projectId: true } } },
  });
  return entry ? { entryId: entry.id, glossaryId: entry.glossaryId, projectId: entry.glossary.projectId } : null;
}

export async function getGlossaryEntry(db: Client, entryId: string) {
  const entry = await db.glossaryEntry.findUnique({ where: { id: entryId }, include: withTranslations });
  if (!entry) throw new AppError("not_found");
  return entry;
}

/** Changes an entry; given translations replace its list. A new term that another entry has is a conflict. */
export async function updateGlossaryEntry(db: Db, entryId: string, authorId: string | null, raw: unknown) {
  const input = parseInput(EntryUpdate, raw);
  const owner = await glossaryEntryOwner(db, entryId);
  if (!owner) throw new AppError("not_found");
  const languages = await projectLanguages(db, owner.projectId);
  const translations = input.translations ? uniqueTranslations(input.translations) : undefined;
  if (translations) checkLanguages(translations, languages);
  return db.$transaction(async (tx) => {
    const current = await tx.glossaryEntry.findUnique({ where: { id: entryId } });
    if (!current) throw new AppError("not_found");
    const terms =
      input.term === undefined ? {} : { term: input.term, termKey: termKey(input.term, current.sourceLang) };
    if (terms.termKey && terms.termKey !== current.termKey) {
      const other = await tx.glossaryEntry.findUnique({
        where: {
          glossaryId_sourceLang_termKey: {
            glossaryId: current.glossaryId,
            sourceLang: current.sourceLang,
            termKey: terms.termKey,
          },
        },
        select: { id: true },
      });
      if (other) throw new AppError("conflict", { field: "term", reason: "term_exists", entryId: other.id });
    }
    await tx.glossaryEntry.update({
      where: { id: entryId },
      data: {
        ...terms,
        ...(input.term === undefined ? {} : { stemKey: stemKey(input.term, current.sourceLang) }),
        partOfSpeech: input.partOfSpeech,
        definition: input.definition,
        note: input.note,
        example: input.example,
        caseSensitive: input.caseSensitive,
        updatedById: authorId,
      },
    });
    if (translations) {
      await tx.glossaryTranslation.deleteMany({ where: { entryId } });
      await tx.glossaryTranslation.createMany({ data: translationRows(entryId, translations) });
    }
    await bumpGlossary(tx, current.glossaryId);
    return tx.glossaryEntry.findUniqueOrThrow({ where: { id: entryId }, include: withTranslations });
  });
}

export async function deleteGlossaryEntry(db: Db, entryId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await tx.glossaryEntry.findUnique({ where: { id: entryId }, select: { glossaryId: true } });
    if (!entry) throw new AppError("not_found");
    await tx.glossaryEntry.delete({ where: { id: entryId } });
    await bumpGlossary(tx, entry.glossaryId);
  });
}
