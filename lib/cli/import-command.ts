// `import` on the command line. Like the other commands it acts as the server's administrator: no
// permission check (every status in the file may be set). Imported versions and notes are recorded as
// the work of the first administrator account (the oldest), or of nobody when there is none yet.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { tooLarge } from "../exchange/import/errors";
import { importDocument } from "../exchange/import/import-document";
import { maxUploadBytes } from "../exchange/import/limits";
import type { CliIo } from "./commands";
import { findProject } from "./commands";

export async function importingUser(db: Db): Promise<{ id: string; email: string } | null> {
  return db.user.findFirst({
    where: { isAdmin: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true },
  });
}

/** A file to import, refused when it is missing or over PARALLEL_MAX_UPLOAD_MB (as an upload would be). */
export async function readImportFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError("not_found", { field: "file" }, `No file at ${file}.`);
  const max = maxUploadBytes();
  if (info.size > max) throw tooLarge(max);
  return new Uint8Array(await readFile(file));
}

export async function importFile(
  db: Db,
  args: { file: string; project: string; title?: string; update?: string },
  io: CliIo,
) {
  const project = await findProject(db, args.project);
  const bytes = await readImportFile(args.file);
  const user = await importingUser(db);
  const report = await importDocument(db, {
    projectId: project.id,
    fileName: path.basename(args.file),
    bytes,
    mode: args.update ? "update" : "new",
    documentId: args.update,
    title: args.title,
    userId: user?.id ?? null,
  });
  const what = report.created ? `new document (id ${report.documentId})` : `document ${report.documentId}`;
  io.out(
    `Imported ${path.basename(args.file)} (${report.format}) into ${what} of "${project.name}": ` +
      `${report.segments} paragraphs, ${report.translations} translations, ${report.notes} notes.`,
  );
  for (const m of report.mismatches) {
    io.out(`Paragraph ${m.position} not applied: its source differs from the document's.`);
  }
  for (const l of report.locked) {
    io.out(`Paragraph ${l.position} (${l.lang}) not changed: it is "${l.status}", locked for this role.`);
  }
  for (const d of report.downgraded) {
    io.out(`Paragraph ${d.position} (${d.lang}): status "${d.requested}" does not fit its text; it is "${d.status}".`);
  }
  return report;
}
