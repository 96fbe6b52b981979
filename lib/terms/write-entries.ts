// Writes parsed entries into a glossary inside the caller's transaction, merging duplicates: an
// entry whose term the glossary (or an earlier entry of the same batch) already has is not doubled;
// the existing entry gets the translations it lacks and the fields it has empty. One path for a
// single entry (create) and for a whole file (import): a few queries per batch, not per entry.
import type { Prisma, Tx } from "../db/client";
import { stemKey, termKey } from "./keys";
import type { ParsedEntry } from "./validation";

export type WritableEntry = ParsedEntry & { sourceLang: string };
type ParsedTranslation = ParsedEntry["translations"][number];

export interface WriteResult {
  entryId: string;
  /** The term was already there (in the glossary or earlier in the batch): completed, not doubled. */
  merged: boolean;
  /** Translations already there or repeated, not added again. */
  duplicateTranslations: number;
}

const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const translationKey = (t: { lang: string; term: string }) => `${t.lang}\u0000${termKey(t.term, t.lang)}`;
const entryKey = (sourceLang: string, key: string) => `${sourceLang}\u0000${key}`;

export function translationRows(entryId: string, translations: ParsedTranslation[], start = 0) {
  return translations.map((t, i) => ({
    entryId,
    lang: t.lang,
    term: t.term,
    termKey: termKey(t.term, t.lang),
    stemKey: stemKey(t.term, t.lang),
    status: t.status,
    note: t.note,
    position: start + i,
  }));
}

interface Target {
  id: string;
  isNew: boolean;
  fields: { partOfSpeech: string | null; definition: string; note: string; example: string };
  fieldsChanged: boolean;
  have: Set<string>;
  nextPosition: number;
  fresh: ParsedTranslation[];
}

export async function writeEntries(
  tx: Tx,
  glossaryId: string,
  entries: WritableEntry[],
  authorId: string | null,
): Promise<WriteResult[]> {
  const keyed = entries.map((e) => ({ entry: e, key: termKey(e.term, e.sourceLang) }));
  const targets = new Map<string, Target>();
  for (const part of chunks([...new Set(keyed.map((k) => k.key))])) {
    const rows = await tx.glossaryEntry.findMany({
      where: { glossaryId, termKey: { in: part } },
      include: { translations: { select: { lang: true, termKey: true, position: true } } },
    });
    for (const row of rows)
      targets.set(entryKey(row.sourceLang, row.termKey), {
        id: row.id,
        isNew: false,
        fields: { partOfSpeech: row.partOfSpeech, definition: row.definition, note: row.note, example: row.example },
        fieldsChanged: false,
        have: new Set(row.translations.map((t) => `${t.lang}\u0000${t.termKey}`)),
        nextPosition: row.translations.reduce((max, t) => Math.max(max, t.position + 1), 0),
        fresh: [],
      });
  }

  const created: Prisma.GlossaryEntryCreateManyInput[] = [];
  const results: WriteResult[] = [];
  for (const { entry, key } of keyed) {
    const k = entryKey(entry.sourceLang, key);
    let target = targets.get(k);
    const merged = target !== undefined;
    if (!target) {
      target = {
        id: crypto.randomUUID(),
        isNew: true,
        fields: {
          partOfSpeech: entry.partOfSpeech ?? null,
          definition: entry.definition,
          note: entry.note,
          example: entry.example,
        },
        fieldsChanged: false,
        have: new Set(),
        nextPosition: 0,
        fresh: [],
      };
      targets.set(k, target);
      created.push({
        id: target.id,
        glossaryId,
        term: entry.term,
        termKey: key,
        stemKey: stemKey(entry.term, entry.sourceLang),
        sourceLang: entry.sourceLang,
        partOfSpeech: target.fields.partOfSpeech,
        definition: entry.definition,
        note: entry.note,
        example: entry.example,
        caseSensitive: entry.caseSensitive,
        createdById: authorId,
        updatedById: authorId,
      });
    } else {
      const f = target.fields;
      const next = {
        partOfSpeech: f.partOfSpeech ?? entry.partOfSpeech ?? null,
        definition: f.definition || entry.definition,
        note: f.note || entry.note,
        example: f.example || entry.example,
      };
      if (Object.entries(next).some(([name, value]) => f[name as keyof typeof f] !== value))
        target.fieldsChanged = true;
      target.fields = next;
    }
    let duplicates = 0;
    for (const t of entry.translations) {
      const tk = translationKey(t);
      if (target.have.has(tk)) duplicates++;
      else {
        target.have.add(tk);
        target.fresh.push(t);
      }
    }
    results.push({ entryId: target.id, merged, duplicateTranslations: duplicates });
  }

  for (const part of chunks(created)) await tx.glossaryEntry.createMany({ data: part });
  const translations = [...targets.values()].flatMap((t) => translationRows(t.id, t.fresh, t.nextPosition));
  for (const part of chunks(translations)) await tx.glossaryTranslation.createMany({ data: part });
  for (const target of targets.values()) {
    if (target.isNew || (!target.fieldsChanged && target.fresh.length === 0)) continue;
    await tx.glossaryEntry.update({ where: { id: target.id }, data: { ...target.fields, updatedById: authorId } });
  }
  return results;
}
