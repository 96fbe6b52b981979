// `tm import` on the command line: a TMX file as a new reference memory of a project, read as a
// stream (a million units are fine). Like the other commands it acts as the server's
// administrator. PARALLEL_MAX_UPLOAD_MB limits uploads, not files on the server's own disk.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { importTmx } from "../tm/tmx-import";
import type { CliIo } from "./commands";
import { findProject } from "./commands";

export async function tmImport(db: Db, args: { file: string; project: string; name?: string }, io: CliIo) {
  const project = await findProject(db, args.project);
  const info = await stat(args.file).catch(() => null);
  if (!info?.isFile()) throw new AppError("not_found", { field: "file" }, `No file at ${args.file}.`);
  const admin = await db.user.findFirst({
    where: { isAdmin: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const result = await importTmx(db, () => createReadStream(args.file), {
    projectId: project.id,
    name: args.name ?? path.basename(args.file),
    createdById: admin?.id ?? null,
  });
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  io.out(
    `Imported ${path.basename(args.file)} as memory "${result.name}" (id ${result.memoryId}) of "${project.name}": ` +
      `${n(result.written, "unit", "units")} (${result.targetLangs.join(", ") || "no language"}) from ` +
      `${n(result.translationUnits, "translation unit", "translation units")}; left out: ` +
      `${n(result.duplicates, "duplicate", "duplicates")}, ${n(result.skipped, "pair", "pairs")} with an empty side.`,
  );
  return result;
}
