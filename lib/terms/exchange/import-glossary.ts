// Imports a TBX or CSV glossary file into a project's own glossary: the whole file is read and
// checked first, then written in one transaction (all or nothing), duplicates merged and counted.
// No permission check here: the caller checked the asker may edit the project's glossary.
import type { Db } from "../../db/client";
import { decodeText } from "../../exchange/import/decode-text";
import { importError, tooLarge } from "../../exchange/import/errors";
import { maxUploadBytes } from "../../exchange/import/limits";
import { bumpGlossary, ensureGlossary, type ProjectLanguages, projectLanguages } from "../glossary";
import { baseLang } from "../normalize";
import { EntryInput } from "../validation";
import { type WritableEntry, writeEntries } from "../write-entries";
import { readGlossaryCsv } from "./csv";
import { statusFromFile } from "./status-map";
import { readTbx } from "./tbx-read";
import type { FileEntry } from "./types";

export type GlossaryFormat = "tbx" | "csv";
export const MAX_IMPORT_ENTRIES = 200_000;

export interface GlossaryImportReport {
  format: GlossaryFormat;
  /** Entries in the file (one per source term). */
  entries: number;
  created: number;
  /** Entries whose term the glossary (or an earlier row of the file) had: merged, not doubled. */
  merged: number;
  /** Translations already there or repeated, not added again. */
  duplicateTranslations: number;
  /** Languages of the file the project does not translate into: their terms were left out. */
  skippedLanguages: string[];
  /** Concepts without a term in the project's source language: left out. */
  withoutSource: number;
}

export function glossaryFormat(fileName: string, bytes: Uint8Array): GlossaryFormat {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (ext === "tbx" || ext === "xml") return "tbx";
  if (ext === "csv") return "csv";
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 200))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<")) return "tbx";
  throw importError("glossary_type", "A glossary is imported from a .tbx or .csv file.", { value: ext });
}

/** The project's language for a file's language tag: exact, else the same primary language ("en-US" → "en"). */
function languageMatcher(targetLangs: string[]) {
  return (lang: string): string | null => {
    const exact = targetLangs.find((l) => l.toLowerCase() === lang.toLowerCase());
    if (exact) return exact;
    const base = targetLangs.filter((l) => baseLang(l) === baseLang(lang));
    return base.length === 1 ? base[0] : null;
  };
}

const ENTRY_REASONS: Record<string, "glossary_term_empty" | "glossary_term_too_long"> = {
  term_empty: "glossary_term_empty",
  term_too_long: "glossary_term_too_long",
};

function validate(file: FileEntry, toProject: (lang: string) => string | null, skipped: Set<string>): WritableEntry {
  const translations = [];
  for (const t of file.translations) {
    const lang = toProject(t.lang);
    if (!lang) {
      skipped.add(t.lang);
      continue;
    }
    const status = statusFromFile(t.status);
    if (!status)
      throw importError("glossary_status", `Entry ${file.position} (${t.lang}): unknown status "${t.status}".`, {
        unit: file.position,
        lang: t.lang,
        value: t.status,
      });
    translations.push({ lang, term: t.term, status, note: t.note });
  }
  const parsed = EntryInput.safeParse({ ...file, translations, partOfSpeech: file.partOfSpeech ?? null });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".");
    throw importError(
      ENTRY_REASONS[issue.message] ?? "glossary_term_invalid",
      `Entry ${file.position}: ${field} is not valid (${issue.message}).`,
      {
        unit: file.position,
        field,
        value: issue.message,
      },
    );
  }
  return { ...parsed.data, sourceLang: file.sourceLang };
}

export interface ParsedGlossaryImport {
  format: GlossaryFormat;
  entries: WritableEntry[];
  skippedLanguages: string[];
  withoutSource: number;
}

/** Reads and checks a whole glossary file against the project's languages; writes nothing. */
export function parseGlossaryFile(
  file: { bytes: Uint8Array; fileName: string },
  languages: ProjectLanguages,
): ParsedGlossaryImport {
  if (file.bytes.byteLength > maxUploadBytes()) throw tooLarge(maxUploadBytes());
  if (file.bytes.byteLength === 0) throw importError("empty", "The file is empty.");
  const format = glossaryFormat(file.fileName, file.bytes);
  const { text } = decodeText(file.bytes);
  const parsed = format === "tbx" ? readTbx(text, languages.sourceLang) : readGlossaryCsv(text, languages.sourceLang);
  if (parsed.entries.length === 0)
    throw importError(
      parsed.withoutSource > 0 ? "glossary_languages" : "glossary_empty",
      parsed.withoutSource > 0
        ? `No entry has a term in the project's source language (${languages.sourceLang}).`
        : "The file has no entries.",
      { value: languages.sourceLang },
    );
  if (parsed.entries.length > MAX_IMPORT_ENTRIES)
    throw importError("glossary_too_many", `A glossary file may hold at most ${MAX_IMPORT_ENTRIES} entries.`, {
      value: MAX_IMPORT_ENTRIES,
    });
  const skipped = new Set<string>();
  const toProject = languageMatcher(languages.targetLangs);
  const entries = parsed.entries.map((e) => validate(e, toProject, skipped));
  return { format, entries, skippedLanguages: [...skipped].sort(), withoutSource: parsed.withoutSource };
}

export async function importGlossary(
  db: Db,
  projectId: string,
  authorId: string | null,
  file: { bytes: Uint8Array; fileName: string },
): Promise<GlossaryImportReport> {
  const parsed = parseGlossaryFile(file, await projectLanguages(db, projectId));
  const results = await db.$transaction(
    async (tx) => {
      const glossary = await ensureGlossary(tx, projectId);
      const written = await writeEntries(tx, glossary.id, parsed.entries, authorId);
      await bumpGlossary(tx, glossary.id);
      return written;
    },
    // One file is one transaction; a 10,000-entry file writes in well under a second, the margin
    // is for a busy machine.
    { timeout: 60_000, maxWait: 10_000 },
  );
  const merged = results.filter((r) => r.merged).length;
  return {
    format: parsed.format,
    entries: results.length,
    created: results.length - merged,
    merged,
    duplicateTranslations: results.reduce((n, r) => n + r.duplicateTranslations, 0),
    skippedLanguages: parsed.skippedLanguages,
    withoutSource: parsed.withoutSource,
  };
}
