// Export: a document as a file in one of the exchange formats (docs/exchange.md). No permission check
// here: the route checks "document.export", and the command line acts as administrator.
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { langsOf, targetLanguages } from "../../projects/languages";
import { type ExchangeSource, readExchangePages, storedLang } from "../read-document";
import type { ExportFormat, ExportRequest, ExportResult } from "../types";
import { toChunks } from "./common";
import { checkTargets } from "./query";

export { parseExportQuery } from "./query";

type Writer = (source: ExchangeSource, request: ExportRequest) => AsyncIterable<string | Uint8Array>;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLIFF = "application/xliff+xml; charset=utf-8";

// Writers load on first use: the docx package alone is some 30 MB of a process's memory.
export const exportFormatSpecs: Record<
  ExportFormat,
  { extension: string; contentType: string; load: () => Promise<Writer> }
> = {
  tmx: {
    extension: "tmx",
    contentType: "application/x-tmx+xml; charset=utf-8",
    load: async () => (await import("./tmx")).writeTmx,
  },
  xliff12: { extension: "xlf", contentType: XLIFF, load: async () => (await import("./xliff12")).writeXliff12 },
  xliff20: { extension: "xlf", contentType: XLIFF, load: async () => (await import("./xliff20")).writeXliff20 },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", load: async () => (await import("./csv")).writeCsv },
  tsv: {
    extension: "tsv",
    contentType: "text/tab-separated-values; charset=utf-8",
    load: async () => (await import("./csv")).writeTsv,
  },
  docx: { extension: "docx", contentType: DOCX, load: async () => (await import("./docx")).writeDocxTable },
  "docx-target": { extension: "docx", contentType: DOCX, load: async () => (await import("./docx")).writeDocxTarget },
  txt: {
    extension: "txt",
    contentType: "text/plain; charset=utf-8",
    load: async () => (await import("./txt")).writeTxt,
  },
};

/** "<title>.<targets>.<ext>": the title without characters file systems refuse, at most 100 characters. */
export function exportFilename(title: string, request: ExportRequest): string {
  const base =
    title
      .normalize("NFC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      .replace(/[\\/:*?"<>|\u0000-\u001F\u007F-\u009F]/g, " ")
      .replace(/\s+/g, " ")
      .replace(/^[\s.]+|[\s.]+$/g, "")
      .slice(0, 100)
      .trim() || "document";
  return `${base}.${request.targets.join("+")}.${exportFormatSpecs[request.format].extension}`;
}

/**
 * `attachment` with the name twice: an ASCII stand-in for old clients, and the real one (RFC 6266/5987
 * `filename*=UTF-8''…`, percent-encoded, so no quote or line break can reach the header).
 */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[^\x20-\x7E]/g, "_")
    .replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Per stored language ("kk" for kk-Latn), the paragraphs whose translation has open QA errors. The
 * checks (and their dictionaries) load only for an export that asks, so other exports stay small.
 */
async function withOpenQaErrors(db: Db, documentId: string, targets: string[]) {
  const { paragraphsWithOpenErrors } = await import("../../qa/store/document-report");
  const langs = [...new Set(targets.map(storedLang))];
  const sets = await Promise.all(langs.map((lang) => paragraphsWithOpenErrors(db, documentId, lang)));
  return new Map(langs.map((lang, i) => [lang, sets[i]]));
}

export async function exportDocument(db: Db, documentId: string, request: ExportRequest): Promise<ExportResult> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { title: true, sourceLang: true, project: { select: { languages: targetLanguages } } },
  });
  if (!document) throw new AppError("not_found");
  checkTargets(request.format, request.targets, langsOf(document.project.languages));
  const spec = exportFormatSpecs[request.format];
  const options = {
    targets: request.targets,
    approvedOnly: request.approvedOnly,
    includeNotes: request.includeNotes,
    exclude: request.withoutQaErrors ? await withOpenQaErrors(db, documentId, request.targets) : undefined,
  };
  const source: ExchangeSource = {
    header: { title: document.title, sourceLang: document.sourceLang, targetLangs: [...request.targets] },
    pages: () => readExchangePages(db, documentId, options),
  };
  return {
    filename: exportFilename(document.title, request),
    contentType: spec.contentType,
    body: toChunks((await spec.load())(source, request)),
  };
}
