// Our CSV/TSV (docs/exchange.md): a header row names the columns; `position`, the source language
// and each target language are required, the rest (`status`, `kind`, `<lang> status`, `notes json`…)
// are read when present. Quoting is RFC 4180 in both; a BOM is skipped; the apostrophe our export puts
// before a cell a spreadsheet would run as a formula is taken off again (spreadsheet-cell.ts).
import { once } from "node:events";
import { CsvError, parse } from "csv-parse";
import { z } from "zod";
import { unprotectCell } from "../spreadsheet-cell";
import type { ExchangeNote, ExchangeTarget, ExchangeUnit } from "../types";
import { decodePieces } from "./decode-text";
import { importError } from "./errors";
import { kindFrom, statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom, provisionalPosition } from "./xml-file";

const KNOWN = new Set(["position", "status", "open notes", "kind", "notes json"]);
const PER_TARGET = / (status|updated by|updated at)$/;

const Reply = z.object({
  author: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
});
const Note = Reply.extend({
  lang: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.string().nullable(),
  anchor: z
    .object({ side: z.enum(["source", "target"]), start: z.number(), end: z.number(), text: z.string() })
    .nullable(),
  replies: z.array(Reply),
});
const Notes = z.array(Note);

function isLangCode(name: string): boolean {
  try {
    return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(name) && Intl.getCanonicalLocales(name).length === 1;
  } catch {
    return false;
  }
}

/** "en: approved; kk: draft", or one bare status when there is one target. */
function summaryStatuses(value: string, langs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!value.includes(":")) {
    if (value.trim() && langs.length === 1) out.set(langs[0], value.trim());
    return out;
  }
  for (const part of value.split(";")) {
    const [lang, status] = part.split(":").map((s) => s.trim());
    if (lang && status) out.set(lang, status);
  }
  return out;
}

/** CRLF and CR become LF, a piece at a time (a CR at the end of a piece may start a CRLF). */
function* lineFeeds(pieces: Iterable<string>): Generator<string> {
  let carry = "";
  for (const piece of pieces) {
    const text = carry + piece;
    carry = text.endsWith("\r") ? "\r" : "";
    yield (carry ? text.slice(0, -1) : text).replace(/\r\n?/g, "\n");
  }
  if (carry) yield "\n";
}

/** The records as csv-parse reads them from the file's text, streamed, with the line each starts on. */
async function* records(bytes: Uint8Array, delimiter: string): AsyncGenerator<{ record: string[]; line: number }> {
  // csv-parse counts a CRLF inside quotes as two lines; with LF only its line numbers are right.
  const parser = parse({ bom: true, delimiter, info: true, skip_empty_lines: true, relax_column_count: false });
  const feeding = (async () => {
    for (const piece of lineFeeds(decodePieces(bytes))) {
      if (parser.destroyed) return;
      if (!parser.write(piece)) await once(parser, "drain");
    }
    parser.end();
  })();
  // A failure to decode ends the parser with it; the loop below then throws it.
  feeding.catch((error) => parser.destroy(error));
  let end = 0;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = end + 1;
      end = row.info.lines;
      yield { record: row.record.map(unprotectCell), line };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw importError(
      "csv_malformed",
      `The file is not valid ${delimiter === "\t" ? "TSV" : "CSV"} at line ${line}: ${error.message}`,
      { line },
    );
  } finally {
    parser.destroy();
  }
}

export async function parseCsv(bytes: Uint8Array, format: "csv" | "tsv"): Promise<ParsedFile> {
  let columns: Columns | null = null;
  const ids: (string | undefined)[] = [];
  const units: ExchangeUnit[] = [];
  for await (const { record, line } of records(bytes, format === "tsv" ? "\t" : ",")) {
    if (!columns) columns = columnsOf(record);
    else {
      ids.push(record[columns.col("position")]?.trim());
      units.push(unitOf(columns, record, line, provisionalPosition(ids.at(-1), units.length)));
    }
  }
  if (!columns) throw importError("empty", "The file is empty.");
  const positions = positionsFrom(ids);
  units.forEach((unit, i) => {
    unit.position = positions[i];
  });
  return {
    format,
    bilingual: true,
    title: null,
    sourceLang: columns.sourceLang,
    targetLangs: columns.targetLangs,
    units,
  };
}

interface Columns {
  col(name: string): number;
  sourceLang: string;
  targetLangs: string[];
}

function columnsOf(record: string[]): Columns {
  const header = record.map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const langs = header.filter((h) => !KNOWN.has(h) && !PER_TARGET.test(h));
  const badColumn = langs.find((h) => !isLangCode(h));
  if (col("position") < 0 || langs.length === 0 || badColumn !== undefined) {
    throw importError(
      "csv_columns",
      badColumn !== undefined
        ? `The column "${badColumn}" is neither a known column nor a language code.`
        : "The header row must name the columns position, the source language and the target languages.",
      { line: 1, value: badColumn ?? "" },
    );
  }
  const [sourceLang, ...targetLangs] = langs;
  return { col, sourceLang, targetLangs };
}

function unitOf(
  { col, sourceLang, targetLangs }: Columns,
  record: string[],
  line: number,
  position: number,
): ExchangeUnit {
  const cell = (name: string) => (col(name) >= 0 ? record[col(name)] : undefined);
  const summary = summaryStatuses(cell("status") ?? "", targetLangs);
  const targets: Record<string, ExchangeTarget> = {};
  for (const lang of targetLangs) {
    const text = cell(lang) ?? "";
    const exact = cell(`${lang} status`);
    // An empty exact status: the export left this target out.
    if (exact === "" || (exact === undefined && !summary.has(lang) && text === "")) continue;
    targets[lang] = {
      text,
      status: statusOrRaw(exact ?? summary.get(lang) ?? "translated"),
      updatedBy: cell(`${lang} updated by`) || null,
      updatedAt: cell(`${lang} updated at`) || null,
    };
  }
  let notes: ExchangeNote[] = [];
  const json = cell("notes json");
  if (json?.trim()) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      value = undefined;
    }
    const checked = Notes.safeParse(value);
    if (!checked.success)
      throw importError("csv_malformed", `The notes of line ${line} are not valid JSON notes.`, {
        line,
        unit: position,
      });
    notes = checked.data;
  }
  return { position, kind: kindFrom(cell("kind")?.trim()), source: cell(sourceLang) ?? "", targets, notes };
}
