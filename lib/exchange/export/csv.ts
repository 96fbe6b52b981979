// CSV (RFC 4180, UTF-8 with BOM) and TSV: the visible columns the issue fixes, then the columns that
// make the file round-trip (docs/exchange.md). Streamed through csv-stringify. Every cell goes through
// protectCell, so no spreadsheet runs a translation that starts with "=" as a formula.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { type ExchangeSource, unitsOf } from "../read-document";
import { protectCell } from "../spreadsheet-cell";
import type { ExportRequest } from "../types";
import { openNotesText, statusSummary } from "./common";

export function csvHeader(sourceLang: string, targets: string[]): string[] {
  return [
    "position",
    "status",
    sourceLang,
    ...targets,
    "open notes",
    "kind",
    ...targets.flatMap((lang) => [`${lang} status`, `${lang} updated by`, `${lang} updated at`]),
    "notes json",
  ];
}

async function* rows(source: ExchangeSource, request: ExportRequest): AsyncGenerator<string[]> {
  const { header } = source;
  const targets = header.targetLangs;
  yield csvHeader(header.sourceLang, targets);
  for await (const unit of unitsOf(source)) {
    const notes = request.includeNotes ? unit.notes : [];
    yield [
      String(unit.position),
      statusSummary(unit, targets),
      unit.source,
      ...targets.map((lang) => unit.targets[lang]?.text ?? ""),
      openNotesText({ ...unit, notes }),
      unit.kind,
      ...targets.flatMap((lang) => {
        const t = unit.targets[lang];
        return [t?.status ?? "", t?.updatedBy ?? "", t?.updatedAt ?? ""];
      }),
      notes.length > 0 ? JSON.stringify(notes) : "",
    ].map(protectCell);
  }
}

async function* delimited(source: ExchangeSource, request: ExportRequest, tsv: boolean): AsyncGenerator<string> {
  const stringifier = stringify({
    delimiter: tsv ? "\t" : ",",
    record_delimiter: "windows",
    // RFC 4180: a field with a line break is quoted too (csv-stringify only looks for the record delimiter).
    quoted_match: /[\r\n]/,
    bom: !tsv,
  });
  stringifier.setEncoding("utf8");
  // pipeline ends the stringifier and hands it any error of the reader, which the loop then throws.
  const done = pipeline(Readable.from(rows(source, request)), stringifier);
  // Awaited below; this only keeps an abandoned download from becoming an unhandled rejection.
  done.catch(() => {});
  for await (const chunk of stringifier) yield chunk as string;
  await done;
}

export const writeCsv = (source: ExchangeSource, request: ExportRequest) => delimited(source, request, false);
export const writeTsv = (source: ExchangeSource, request: ExportRequest) => delimited(source, request, true);
