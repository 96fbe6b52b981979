// The glossaries a project reads (its own and those attached from other projects) and the
// search over their entries. No permission checks: the caller checked the asker may read the project.
import type { Db, Prisma, Tx } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { stemKey, termKey } from "./keys";
import { ListQuery } from "./validation";

type Client = Db | Tx;

export interface ProjectGlossaryRef {
  id: string;
  projectId: string;
  projectName: string;
  version: number;
  /** The project's own glossary (editable by its members); false for an attached, read-only one. */
  own: boolean;
}

/** The project's own glossary first (when it has one), then the attached ones in their order. */
export async function projectGlossaries(db: Client, projectId: string): Promise<ProjectGlossaryRef[]> {
  const [own, attached] = await Promise.all([
    db.glossary.findUnique({ where: { projectId }, include: { project: { select: { name: true } } } }),
    db.projectGlossary.findMany({
      where: { projectId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { glossary: { include: { project: { select: { name: true } } } } },
    }),
  ]);
  const refs: ProjectGlossaryRef[] = [];
  if (own) refs.push({ id: own.id, projectId, projectName: own.project.name, version: own.version, own: true });
  for (const a of attached)
    refs.push({
      id: a.glossary.id,
      projectId: a.glossary.projectId,
      projectName: a.glossary.project.name,
      version: a.glossary.version,
      own: false,
    });
  return refs;
}

/** Lets `projectId` read the glossary of `fromProjectId`. The caller checks the asker owns both. */
export async function attachGlossary(db: Db, projectId: string, fromProjectId: string) {
  if (projectId === fromProjectId) throw new AppError("invalid_input", { field: "projectId", reason: "glossary_self" });
  return db.$transaction(async (tx) => {
    const glossary = await tx.glossary.upsert({
      where: { projectId: fromProjectId },
      create: { projectId: fromProjectId },
      update: {},
    });
    const count = await tx.projectGlossary.count({ where: { projectId } });
    await tx.projectGlossary.upsert({
      where: { projectId_glossaryId: { projectId, glossaryId: glossary.id } },
      create: { projectId, glossaryId: glossary.id, position: count },
      update: {},
    });
    return glossary;
  });
}

export async function detachGlossary(db: Db, projectId: string, glossaryId: string): Promise<void> {
  await db.projectGlossary.deleteMany({ where: { projectId, glossaryId } });
}

// Prisma's `contains` is LIKE '%…%' with no ESCAPE on SQLite: a "%" or "_" typed by someone would
// be a wildcard. Such a query is narrowed by its literal pieces, then checked exactly here.
const WILDCARD = /[%_]/;

async function searchFilter(db: Client, glossaryIds: string[], q: string): Promise<Prisma.GlossaryEntryWhereInput> {
  // Keys are folded per language; the query is folded and stemmed for each language in play.
  const [targets, sources] = await Promise.all([
    db.glossaryTranslation.findMany({
      where: { entry: { glossaryId: { in: glossaryIds } } },
      distinct: ["lang"],
      select: { lang: true },
    }),
    db.glossaryEntry.findMany({
      where: { glossaryId: { in: glossaryIds } },
      distinct: ["sourceLang"],
      select: { sourceLang: true },
    }),
  ]);
  const needles = (lang: string) => [termKey(q, lang), stemKey(q, lang)].filter(Boolean);
  // Both models name their keys termKey and stemKey: one filter shape serves both.
  const like = (needle: string) =>
    needle
      .split(WILDCARD)
      .filter(Boolean)
      .map((piece) => ({ contains: piece }));
  const match = (lang: string) =>
    needles(lang).flatMap((n) => [
      { AND: like(n).map((c) => ({ termKey: c })) },
      { AND: like(n).map((c) => ({ stemKey: c })) },
    ]);
  const filter: Prisma.GlossaryEntryWhereInput = {
    OR: [
      ...sources.flatMap((s) => match(s.sourceLang).map((m) => ({ ...m, sourceLang: s.sourceLang }))),
      ...targets.map((t) => ({ translations: { some: { lang: t.lang, OR: match(t.lang) } } })),
    ],
  };
  if (!WILDCARD.test(q)) return filter;
  const candidates = await db.glossaryEntry.findMany({
    where: { glossaryId: { in: glossaryIds }, ...filter },
    select: {
      id: true,
      sourceLang: true,
      termKey: true,
      stemKey: true,
      translations: { select: { lang: true, termKey: true, stemKey: true } },
    },
  });
  const hit = (row: { termKey: string; stemKey: string }, lang: string) =>
    needles(lang).some((n) => row.termKey.includes(n) || row.stemKey.includes(n));
  const ids = candidates
    .filter((c) => hit(c, c.sourceLang) || c.translations.some((t) => hit(t, t.lang)))
    .map((c) => c.id);
  return { id: { in: ids } };
}

export const entryInclude = {
  translations: { orderBy: { position: "asc" } },
  createdBy: { select: { id: true, name: true } },
  updatedBy: { select: { id: true, name: true } },
} as const;

export type GlossaryEntryRow = Prisma.GlossaryEntryGetPayload<{ include: typeof entryInclude }>;

/**
 * Entries of the given glossaries, ordered by term. `q` finds a source or target term containing
 * it, case-insensitively in every language, or any inflected form of its words (the stems);
 * `lang`/`status` keep entries with such a translation. Pages by `cursor` (the last entry's id).
 */
export async function listGlossaryEntries(db: Client, glossaryIds: string[], raw: unknown = {}) {
  const query = parseInput(ListQuery, raw);
  const where: Prisma.GlossaryEntryWhereInput = { glossaryId: { in: glossaryIds } };
  const and: Prisma.GlossaryEntryWhereInput[] = [];
  const q = query.q?.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (q) and.push(await searchFilter(db, glossaryIds, q));
  if (query.lang || query.status)
    and.push({
      translations: {
        some: { ...(query.lang ? { lang: query.lang } : {}), ...(query.status ? { status: query.status } : {}) },
      },
    });
  if (and.length) where.AND = and;
  const [total, rows] = await Promise.all([
    db.glossaryEntry.count({ where }),
    db.glossaryEntry.findMany({
      where,
      include: entryInclude,
      orderBy: [{ termKey: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    }),
  ]);
  const entries = rows.slice(0, query.limit);
  return { entries, total, nextCursor: rows.length > query.limit ? entries[entries.length - 1].id : null };
}
