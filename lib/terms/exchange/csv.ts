// Glossary CSV (RFC 4180, UTF-8 with BOM): one row per entry, one column per language (the source
// language first), a "<lang> status" column per target language, then part of speech, definition,
// note, example, case sensitive. A language with several terms holds them one per line in its cell,
// their statuses one per line in the status cell (a term never contains a line break). Cells a
// spreadsheet would run as a formula get a leading apostrophe, taken off again on import, as in the
// document CSV (lib/exchange/spreadsheet-cell.ts).
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { importError } from "../../exchange/import/errors";
import { protectCell, unprotectCell } from "../../exchange/spreadsheet-cell";
import type { TbxEntry } from "./tbx-write";
import type { FileEntry, ParsedGlossaryFile } from "./types";

const FIELDS = ["part of speech", "definition", "note", "example", "case sensitive"] as const;
const PER_LANG = / (status|note)$/;

function isLangCode(name: string): boolean {
  try {
    return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(name) && Intl.getCanonicalLocales(name).length === 1;
  } catch {
    return false;
  }
}

export function glossaryCsvHeader(sourceLang: string, targetLangs: string[]): string[] {
  return [sourceLang, ...targetLangs.flatMap((l) => [l, `${l} status`, `${l} note`]), ...FIELDS];
}

export function writeGlossaryCsv(entries: TbxEntry[], sourceLang: string, targetLangs: string[]): string {
  const rows = entries.map((e) => {
    const perLang = targetLangs.flatMap((lang) => {
      const ts = e.translations.filter((t) => t.lang === lang);
      return [
        ts.map((t) => t.term).join("\n"),
        ts.map((t) => t.status).join("\n"),
        ts.map((t) => t.note.replace(/\n/g, " ")).join("\n"),
      ];
    });
    return [
      e.term,
      ...perLang,
      e.partOfSpeech ?? "",
      e.definition,
      e.note,
      e.example,
      e.caseSensitive ? "yes" : "",
    ].map(protectCell);
  });
  return `\uFEFF${stringify([glossaryCsvHeader(sourceLang, targetLangs), ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ })}`;
}

const lines = (cell: string | undefined) => (cell ?? "").split("\n").map((s) => s.trim());

export function readGlossaryCsv(text: string, sourceLang: string): ParsedGlossaryFile {
  let rows: { record: string[]; info: { lines: number } }[];
  // csv-parse counts a CRLF inside quotes as two lines; with LF only its line numbers are right.
  const lf = text.replace(/\r\n?/g, "\n");
  try {
    rows = parse(lf, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw importError("csv_malformed", `The file is not valid CSV at line ${line}: ${error.message}`, { line });
  }
  if (rows.length === 0) throw importError("glossary_empty", "The file has no entries.");
  const header = rows[0].record.map((h) => h.trim());
  const known = new Set<string>(FIELDS);
  const bad = header.find((h) => !known.has(h) && !isLangCode(h.replace(PER_LANG, "")));
  const source = header.findIndex((h) => h.toLowerCase() === sourceLang.toLowerCase());
  if (bad !== undefined || source < 0)
    throw importError(
      "glossary_columns",
      bad !== undefined
        ? `The column "${bad}" is neither a known column nor a language code.`
        : `The header row has no column for the source language ${sourceLang}.`,
      { line: 1, value: bad ?? sourceLang },
    );
  const col = (name: string) => header.indexOf(name);
  const targets = header.filter((h, i) => i !== source && isLangCode(h));
  const entries: FileEntry[] = [];
  let end = rows[0].info.lines;
  for (const { record: cells, info } of rows.slice(1)) {
    const line = end + 1;
    end = info.lines;
    const record = cells.map(unprotectCell);
    const cell = (name: string) => (col(name) >= 0 ? record[col(name)] : undefined);
    const translations = targets.flatMap((lang) => {
      const terms = lines(cell(lang));
      const statuses = lines(cell(`${lang} status`));
      const notes = lines(cell(`${lang} note`));
      return terms.flatMap((term, k) =>
        term ? [{ lang, term, status: statuses[k] ?? "", note: notes[k] ?? "" }] : [],
      );
    });
    entries.push({
      term: record[source] ?? "",
      sourceLang,
      translations,
      partOfSpeech: cell("part of speech")?.trim() || null,
      definition: cell("definition") ?? "",
      note: cell("note") ?? "",
      example: cell("example") ?? "",
      caseSensitive: /^(yes|true|1|так|иә)$/i.test(cell("case sensitive")?.trim() ?? ""),
      position: line,
    });
  }
  return { entries, withoutSource: 0 };
}
