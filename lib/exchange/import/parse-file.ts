// From bytes to units: the format is detected, then its parser runs. Nothing here touches the database.
import { detectFormat } from "./detect";
import { importError, tooLarge } from "./errors";
import { maxUploadBytes } from "./limits";
import { parseCsv } from "./parse-csv";
import { parseDocx } from "./parse-docx";
import { parseMd } from "./parse-md";
import { parseTmx } from "./parse-tmx";
import { parseTxt } from "./parse-txt";
import { parseXliff12 } from "./parse-xliff12";
import { parseXliff20 } from "./parse-xliff20";
import type { ParsedFile } from "./types";

export async function parseFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  const max = maxUploadBytes();
  if (bytes.byteLength > max) throw tooLarge(max);
  const format = detectFormat(fileName, bytes);
  const parsed = await parseAs(format, bytes);
  if (parsed.units.length === 0) throw importError("empty", "The file has no paragraphs.");
  return parsed;
}

function parseAs(format: ParsedFile["format"], bytes: Uint8Array): ParsedFile | Promise<ParsedFile> {
  switch (format) {
    case "txt":
      return parseTxt(bytes);
    case "md":
      return parseMd(bytes);
    case "docx":
      return parseDocx(bytes);
    case "tmx":
      return parseTmx(bytes);
    case "xliff12":
      return parseXliff12(bytes);
    case "xliff20":
      return parseXliff20(bytes);
    case "csv":
    case "tsv":
      return parseCsv(bytes, format);
  }
}
