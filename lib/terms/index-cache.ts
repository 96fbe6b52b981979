// A document's recognition index, loaded once and kept while its glossaries are unchanged. The key
// is the source language plus each glossary's id and version (bumped in the same transaction as
// every entry change), read with one small query per call: an edit, an attachment or a detachment
// makes a new key, so every process sees it at once — no invalidation messages between instances.
import type { Db, Tx } from "../db/client";
import { groupBy } from "../group-by";
import { projectGlossaries } from "./list";
import { buildTermIndex, type TermIndex } from "./recognize";
import type { RecognitionEntry, TermStatus } from "./types";

type Client = Db | Tx;

const MAX_CACHED = 16;
const cache = new Map<string, Promise<TermIndex>>();

/** The glossaries' stamp: changes whenever what recognition would find may change. */
export function glossaryStamp(sourceLang: string, glossaries: { id: string; version: number }[]): string {
  return `${sourceLang}|${glossaries
    .map((g) => `${g.id}:${g.version}`)
    .sort()
    .join(",")}`;
}

/**
 * The entries recognition needs (e.g. to send to the editor once per page), in recognition's shape.
 * Entries and translations are read in two queries filtered by glossary: loading the translations
 * through the relation would bind one parameter per entry, beyond SQLite's limit for a big glossary.
 */
export async function loadRecognitionEntries(db: Client, glossaryIds: string[]): Promise<RecognitionEntry[]> {
  if (glossaryIds.length === 0) return [];
  const [rows, translations] = await Promise.all([
    db.glossaryEntry.findMany({
      where: { glossaryId: { in: glossaryIds } },
      select: { id: true, term: true, sourceLang: true, caseSensitive: true },
    }),
    db.glossaryTranslation.findMany({
      where: { entry: { glossaryId: { in: glossaryIds } } },
      select: { entryId: true, lang: true, term: true, status: true },
      orderBy: [{ entryId: "asc" }, { position: "asc" }],
    }),
  ]);
  const byEntry = groupBy(translations, (t) => t.entryId);
  // An entry written between the two reads has no translations yet: the next stamp reads it whole.
  return rows.map((r) => ({
    ...r,
    translations: (byEntry.get(r.id) ?? []).map((t) => ({
      lang: t.lang,
      term: t.term,
      status: t.status as TermStatus,
    })),
  }));
}

/**
 * The recognition index for a project's documents in `sourceLang` (own glossary + attached ones),
 * built once per stamp and shared by concurrent callers. Returns the stamp too (an ETag for clients).
 */
export async function loadTermIndex(
  db: Client,
  projectId: string,
  sourceLang: string,
): Promise<{ index: TermIndex; stamp: string }> {
  const glossaries = await projectGlossaries(db, projectId);
  const stamp = glossaryStamp(sourceLang, glossaries);
  let pending = cache.get(stamp);
  if (pending) {
    // Most recently used last.
    cache.delete(stamp);
    cache.set(stamp, pending);
  } else {
    pending = loadRecognitionEntries(
      db,
      glossaries.map((g) => g.id),
    ).then((entries) => buildTermIndex(entries, sourceLang));
    cache.set(stamp, pending);
    pending.catch(() => cache.delete(stamp));
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return { index: await pending, stamp };
}

/** Forgets every cached index (tests). */
export function clearTermIndexCache(): void {
  cache.clear();
}

/** loadTermIndex for a document: its project's glossaries, in its source language. */
export async function loadDocumentTermIndex(db: Client, documentId: string) {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { projectId: true, sourceLang: true },
  });
  if (!document) return null;
  return loadTermIndex(db, document.projectId, document.sourceLang);
}
