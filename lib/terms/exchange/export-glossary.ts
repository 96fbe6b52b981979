// Exports a project's own glossary as TBX-Basic v3 or CSV. No permission check here: the caller
// checked the asker may read the project.
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { groupBy } from "../../group-by";
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
  // Two queries filtered by project: including the translations would bind one parameter per entry,
  // beyond SQLite's limit for a big glossary.
  const [rows, translations] = await Promise.all([
    db.glossaryEntry.findMany({ where: { glossary: { projectId } }, orderBy: [{ termKey: "asc" }, { id: "asc" }] }),
    db.glossaryTranslation.findMany({
      where: { entry: { glossary: { projectId } } },
      orderBy: [{ entryId: "asc" }, { position: "asc" }],
    }),
  ]);
  const byEntry = groupBy(translations, (t) => t.entryId);
  const entries: TbxEntry[] = rows.map((r) => ({ ...r, translations: byEntry.get(r.id) ?? [] }));
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
