// Our CSV/TSV (docs/exchange.md): a header row names the columns; `position`, the source language
// and each target language are required, the rest (`status`, `kind`, `<lang> status`, `notes json`…)
// are read when present. Quoting is RFC 4180 in both; a BOM is skipped; the apostrophe our export puts
// before a cell a spreadsheet would run as a formula is taken off again (spreadsheet-cell.ts).
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { unprotectCell } from "../spreadsheet-cell";
import type { ExchangeNote, ExchangeTarget, ExchangeUnit } from "../types";
import { decodeText } from "./decode-text";
import { importError } from "./errors";
import { kindFrom, statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom } from "./xml-file";

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

function records(text: string, delimiter: string): { record: string[]; line: number }[] {
  // csv-parse counts a CRLF inside quotes as two lines; with LF only its line numbers are right.
  const lf = text.replace(/\r\n?/g, "\n");
  try {
    const rows = parse(lf, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    let end = 0;
    return rows.map((r) => {
      const line = end + 1;
      end = r.info.lines;
      return { record: r.record.map(unprotectCell), line };
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw importError(
      "csv_malformed",
      `The file is not valid ${delimiter === "\t" ? "TSV" : "CSV"} at line ${line}: ${error.message}`,
      { line },
    );
  }
}

export function parseCsv(bytes: Uint8Array, format: "csv" | "tsv"): ParsedFile {
  const rows = records(decodeText(bytes).text, format === "tsv" ? "\t" : ",");
  if (rows.length === 0) throw importError("empty", "The file is empty.");
  const header = rows[0].record.map((h) => h.trim());
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
  const body = rows.slice(1);
  const positions = positionsFrom(body.map((r) => r.record[col("position")]?.trim()));
  const units: ExchangeUnit[] = body.map(({ record, line }, i) => {
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
          unit: positions[i],
        });
      notes = checked.data;
    }
    return {
      position: positions[i],
      kind: kindFrom(cell("kind")?.trim()),
      source: cell(sourceLang) ?? "",
      targets,
      notes,
    };
  });
  return { format, bilingual: true, title: null, sourceLang, targetLangs, units };
}
