// The glossary as the API, pages and the command line's callers see it: every function checks who is
// asking first (lib/auth/access.ts), then calls the storage functions (glossary.ts, list.ts). An
// entry is edited through the project that owns it, so another project's attached glossary is
// read-only by construction: its entries belong to a project where the asker is not an editor.
import { z } from "zod";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { roleAllows } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { createGlossaryEntry, deleteGlossaryEntry, glossaryEntryOwner, updateGlossaryEntry } from "./glossary";
import { entryInclude, type GlossaryEntryRow, listGlossaryEntries, projectGlossaries } from "./list";
import type { PartOfSpeech, TermStatus } from "./types";

/** An entry as the API answers it (no internal search keys). */
export function entryView(row: GlossaryEntryRow, projectId: string, editable: boolean) {
  return {
    id: row.id,
    projectId,
    term: row.term,
    sourceLang: row.sourceLang,
    partOfSpeech: row.partOfSpeech as PartOfSpeech | null,
    definition: row.definition,
    note: row.note,
    example: row.example,
    caseSensitive: row.caseSensitive,
    translations: row.translations.map((t) => ({
      lang: t.lang,
      term: t.term,
      status: t.status as TermStatus,
      note: t.note,
    })),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editable,
  };
}
export type EntryView = ReturnType<typeof entryView>;

const ListFilter = z.object({
  from: z
    .string()
    .max(100)
    .optional()
    .describe("Only the glossary of this project (the project's own or an attached one)"),
});

/**
 * The entries of the glossaries a project reads (its own, then the attached ones), searched and
 * filtered (list.ts), with each glossary and its size. `editable` says what the asker may change.
 */
export async function listProjectGlossary(db: Db, actor: Actor, projectId: string, raw: Record<string, unknown>) {
  const access = await requireProject(db, actor, projectId, "project.read");
  const { from } = parseInput(ListFilter, { from: raw.from || undefined });
  const refs = await projectGlossaries(db, projectId);
  const chosen = from ? refs.filter((g) => g.projectId === from) : refs;
  if (from && chosen.length === 0 && from !== projectId)
    throw new AppError("invalid_input", { field: "from", reason: "unknown_glossary", value: from });
  const { from: _from, ...query } = raw;
  const list = chosen.length
    ? await listGlossaryEntries(
        db,
        chosen.map((g) => g.id),
        query,
      )
    : { entries: [], total: 0, nextCursor: null };
  const counts = await db.glossaryEntry.groupBy({
    by: ["glossaryId"],
    where: { glossaryId: { in: refs.map((g) => g.id) } },
    _count: true,
  });
  const canEdit = roleAllows(access.role, "glossary.edit", access.policy);
  const byId = new Map(refs.map((g) => [g.id, g]));
  const own = refs.find((g) => g.own);
  return {
    glossaries: [
      ...(own ? [] : [{ projectId, projectName: await projectName(db, projectId), own: true, entries: 0 }]),
      ...refs.map((g) => ({
        projectId: g.projectId,
        projectName: g.projectName,
        own: g.own,
        entries: counts.find((c) => c.glossaryId === g.id)?._count ?? 0,
      })),
    ],
    entries: list.entries.map((row) => {
      const ref = byId.get(row.glossaryId)!;
      return entryView(row, ref.projectId, ref.own && canEdit);
    }),
    total: list.total,
    nextCursor: list.nextCursor,
  };
}

async function projectName(db: Db, projectId: string): Promise<string> {
  return (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } })).name;
}

async function viewOf(db: Db, entryId: string, projectId: string) {
  const row = await db.glossaryEntry.findUniqueOrThrow({ where: { id: entryId }, include: entryInclude });
  return entryView(row, projectId, true);
}

/** Adds an entry to the project's own glossary; a term it already has is merged into that entry. */
export async function addProjectEntry(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "glossary.edit");
  const { entry, merged, duplicateTranslations } = await createGlossaryEntry(db, projectId, actor.userId, raw);
  return { entry: await viewOf(db, entry.id, projectId), merged, duplicateTranslations };
}

/** The entry's owning project, where the asker needs the right to edit the glossary. */
async function requireEntry(db: Db, actor: Actor, entryId: string) {
  const owner = await glossaryEntryOwner(db, entryId);
  if (!owner) throw new AppError("not_found");
  await requireProject(db, actor, owner.projectId, "glossary.edit");
  return owner;
}

export async function updateProjectEntry(db: Db, actor: Actor, entryId: string, raw: unknown) {
  const owner = await requireEntry(db, actor, entryId);
  const entry = await updateGlossaryEntry(db, entryId, actor.userId, raw);
  return { entry: await viewOf(db, entry.id, owner.projectId) };
}

export async function deleteProjectEntry(db: Db, actor: Actor, entryId: string): Promise<void> {
  await requireEntry(db, actor, entryId);
  await deleteGlossaryEntry(db, entryId);
}

export const GlossaryExportQuery = z.object({
  format: z.enum(["tbx", "csv"], { message: "glossary_format" }).default("tbx").describe("The file format"),
});

/** ?format= of an export: tbx (default) or csv. */
export function parseExportFormat(query: URLSearchParams) {
  return parseInput(GlossaryExportQuery, { format: query.get("format") ?? undefined });
}
