// `export` on the command line. Like the other commands it acts as the server's administrator: no
// permission check. It loads only what an export needs, so a long export's process stays small
// (bench/export-tmx.ts).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { exportDocument, parseExportQuery } from "../exchange/export/index";
import { langsOf, targetLanguages } from "../projects/languages";
import type { CliIo } from "./commands";

export interface ExportArgs {
  document: string;
  format: string;
  target?: string;
  approvedOnly?: boolean;
  noNotes?: boolean;
  omitUntranslated?: boolean;
  /** Leave out translations with open quality-check errors. */
  withoutQaErrors?: boolean;
  out?: string;
}

export async function exportFile(db: Db, args: ExportArgs, io: CliIo) {
  const document = await db.document.findUnique({
    where: { id: args.document },
    select: { id: true, title: true, project: { select: { languages: targetLanguages } } },
  });
  if (!document) throw new AppError("not_found", { field: "document" }, `No document with id "${args.document}".`);
  const query = new URLSearchParams({ format: args.format });
  if (args.target) query.set("target", args.target);
  query.set("approvedOnly", args.approvedOnly ? "1" : "0");
  query.set("notes", args.noNotes ? "0" : "1");
  query.set("untranslated", args.omitUntranslated ? "omit" : "source");
  query.set("withoutQaErrors", args.withoutQaErrors ? "1" : "0");
  const request = parseExportQuery(query, langsOf(document.project.languages));
  const result = await exportDocument(db, document.id, request);
  if (!args.out) {
    if (!io.write) throw new Error("This terminal cannot write bytes.");
    for await (const chunk of result.body) await io.write(chunk);
    return result;
  }
  try {
    // A deep buffer lets the file system write while the next page is read (16 KB: turn by turn).
    await pipeline(Readable.from(result.body), createWriteStream(args.out, { highWaterMark: 1024 * 1024 }));
  } catch (error) {
    if (!(error as { code?: string }).code?.startsWith("E")) throw error;
    throw new AppError("invalid_input", { field: "out" }, `Cannot write ${args.out}: ${(error as Error).message}`);
  }
  io.out(`Exported "${document.title}" as ${request.format} (${request.targets.join(", ")}) to ${args.out}.`);
  return result;
}
