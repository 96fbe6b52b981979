// Exports a project's own glossary as TBX-Basic v3 or CSV. No permission check here: the caller
// checked the asker may read the project.
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { projectLanguages } from "../glossary";
import { writeGlossaryCsv } from "./csv";
import type { GlossaryFormat } from "./import-glossary";
import { type TbxEntry, writeTbx } from "./tbx-write";

export interface GlossaryExport {
  fileName: string;
  contentType: string;
  body: string;
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "glossary";

export async function exportGlossary(db: Db, projectId: string, format: GlossaryFormat): Promise<GlossaryExport> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { name: true } });
  if (!project) throw new AppError("not_found");
  const languages = await projectLanguages(db, projectId);
  const rows = await db.glossaryEntry.findMany({
    where: { glossary: { projectId } },
    orderBy: [{ termKey: "asc" }, { id: "asc" }],
    include: { translations: { orderBy: { position: "asc" } } },
  });
  const entries: TbxEntry[] = rows;
  const base = `${safeName(project.name)}-glossary`;
  if (format === "csv")
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: writeGlossaryCsv(entries, languages.sourceLang, languages.targetLangs),
    };
  return {
    fileName: `${base}.tbx`,
    contentType: "application/x-tbx+xml; charset=utf-8",
    body: writeTbx(entries, languages.sourceLang, `${project.name} — Parallel glossary`),
  };
}
