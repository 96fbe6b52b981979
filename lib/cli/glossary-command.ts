// `glossary import` and `glossary export` on the command line. Like the other commands they act as
// the server's administrator: no permission check. Imported entries are recorded as the first
// administrator's (import-command.ts), or nobody's when there is none yet.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { exportGlossary } from "../terms/exchange/export-glossary";
import { importGlossary } from "../terms/exchange/import-glossary";
import { parseExportFormat } from "../terms/project-glossary";
import { type CliIo, findProject } from "./commands";
import { importingUser, readImportFile } from "./import-command";

export async function glossaryImport(db: Db, args: { file: string; project: string }, io: CliIo) {
  const project = await findProject(db, args.project);
  const bytes = await readImportFile(args.file);
  const user = await importingUser(db);
  const report = await importGlossary(db, project.id, user?.id ?? null, { fileName: path.basename(args.file), bytes });
  io.out(
    `Imported ${path.basename(args.file)} (${report.format}) into the glossary of "${project.name}": ` +
      `${report.entries} entries, ${report.created} new, ${report.merged} merged into entries it had ` +
      `(${report.duplicateTranslations} translations were there already).`,
  );
  if (report.skippedLanguages.length > 0)
    io.out(`Left out, the project is not translated into: ${report.skippedLanguages.join(", ")}.`);
  if (report.withoutSource > 0) io.out(`Left out, no term in the source language: ${report.withoutSource}.`);
  return report;
}

export async function glossaryExport(db: Db, args: { project: string; format: string; out?: string }, io: CliIo) {
  const project = await findProject(db, args.project);
  let format: "tbx" | "csv";
  try {
    format = parseExportFormat(new URLSearchParams({ format: args.format })).format;
  } catch {
    throw new AppError("invalid_input", { field: "format" }, `Unknown format "${args.format}": use tbx or csv.`);
  }
  const result = await exportGlossary(db, project.id, format);
  if (!args.out) {
    if (!io.write) throw new Error("This terminal cannot write bytes.");
    await io.write(new TextEncoder().encode(result.body));
    return result;
  }
  try {
    await writeFile(args.out, result.body, "utf8");
  } catch (error) {
    throw new AppError("invalid_input", { field: "out" }, `Cannot write ${args.out}: ${(error as Error).message}`);
  }
  io.out(`Exported the glossary of "${project.name}" as ${format} to ${args.out}.`);
  return result;
}
