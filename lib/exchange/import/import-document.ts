// A file becomes a document (mode "new") or updates a document's translations (mode "update"), in
// one transaction: a refusal anywhere writes nothing. No permission check here: the route and the
// command line decide who may import; this only checks the file against the project.
import type { Db, Tx } from "../../db/client";
import { createDocumentIn } from "../../documents/create-document";
import { AppError } from "../../errors";
import { langsOf, targetLanguages } from "../../projects/languages";
import type { TranslationStatus } from "../../segments/status";
import { countWords } from "../../segments/word-count";
import type { ExchangeUnit } from "../types";
import { checkUnits } from "./check-units";
import { importError } from "./errors";
import { mapLanguages } from "./languages";
import { parseFile } from "./parse-file";
import type { ImportFormat } from "./types";
import { writeNotes } from "./write-notes";
import { createTargets, updateTargets } from "./write-targets";

export interface ImportInput {
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  mode: "new" | "update";
  /** The document to update (mode "update"). */
  documentId?: string;
  /** The new document's title; default: the file's own title, else its name without extension. */
  title?: string;
  /** Author of the imported versions; null when the command line runs with no account. */
  userId: string | null;
  /** Statuses the importer's role may give; a translation whose status would change to another is refused. */
  allowedStatuses?: readonly TranslationStatus[];
}

export interface ImportMismatch {
  position: number;
  /** The document's paragraph at that position, or null when the document has none. */
  expected: string | null;
  found: string;
}

export interface ImportReport {
  documentId: string;
  created: boolean;
  format: ImportFormat;
  segments: number;
  translations: number;
  notes: number;
  mismatches: ImportMismatch[];
}

export const MAX_TITLE_LENGTH = 200;

const noDocument = () => new AppError("not_found", { field: "documentId" }, "No such document in this project.");

// Our exports are named "<title>.<targets>.<ext>" (en, en+kk, kk-Latn): the targets are not the title.
const EXPORT_SUFFIX = /\.[a-z]{2,3}(?:-[A-Za-z]{4})?(?:\+[a-z]{2,3}(?:-[A-Za-z]{4})?)*$/;

function titleFor(input: ImportInput, fileTitle: string | null): string {
  const fromName = input.fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]+$/, "")
    .replace(EXPORT_SUFFIX, "");
  const title = (input.title?.trim() || fileTitle?.trim() || fromName || "Imported document").normalize("NFC");
  return title.slice(0, MAX_TITLE_LENGTH);
}

export async function importDocument(db: Db, input: ImportInput): Promise<ImportReport> {
  if (input.mode === "update" && !input.documentId)
    throw importError("document_required", "Name the document to update.");
  const parsed = await parseFile(input.fileName, input.bytes);
  if (input.mode === "update" && !parsed.bilingual)
    throw importError("not_bilingual", "Only a file with translations (TMX, XLIFF, CSV, TSV) can update a document.");
  const project = await db.project.findUnique({
    where: { id: input.projectId },
    include: { languages: targetLanguages },
  });
  if (!project) throw new AppError("not_found", { field: "project" }, "No such project.");
  const projectLangs = langsOf(project.languages);
  let sourceLang = project.sourceLang;
  if (input.mode === "update") {
    const document = await db.document.findUnique({
      where: { id: input.documentId },
      select: { projectId: true, sourceLang: true },
    });
    if (!document || document.projectId !== input.projectId) throw noDocument();
    sourceLang = document.sourceLang;
  }
  const units = checkUnits(mapLanguages(parsed, sourceLang, projectLangs));

  return db.$transaction(
    async (tx) => {
      const { documentId, segmentIds, mismatches } =
        input.mode === "new"
          ? await createFrom(tx, input, titleFor(input, parsed.title), project.sourceLang, units)
          : await matchTo(tx, input.documentId!, units);
      const targets = { documentId, userId: input.userId, segmentIds, units, allowedStatuses: input.allowedStatuses };
      const translations =
        input.mode === "new"
          ? await createTargets(tx, { ...targets, langs: projectLangs })
          : await updateTargets(tx, targets);
      const notes = await writeNotes(tx, { projectId: input.projectId, documentId, segmentIds, units });
      return {
        documentId,
        created: input.mode === "new",
        format: parsed.format,
        segments: segmentIds.size,
        translations,
        notes,
        mismatches,
      };
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  );
}

async function createFrom(tx: Tx, input: ImportInput, title: string, sourceLang: string, units: ExchangeUnit[]) {
  const documentId = await createDocumentIn(tx, {
    projectId: input.projectId,
    title,
    fileName: input.fileName.replace(/^.*[\\/]/, "").slice(0, 255),
    sourceLang,
    createdById: input.userId,
    segments: units.map((u) => ({ kind: u.kind, source: u.source, wordCount: countWords(u.source, sourceLang) })),
    // Its translations are written by createTargets, with the imported ones filled in.
    targetLangs: [],
  });
  // The file's positions may have gaps (a partial export): the new document numbers from 1.
  const segments = await tx.segment.findMany({ where: { documentId }, select: { id: true, position: true } });
  const byPosition = new Map(segments.map((s) => [s.position, s.id]));
  const segmentIds = new Map(units.map((u, i) => [u.position, byPosition.get(i + 1)!]));
  return { documentId, segmentIds, mismatches: [] as ImportMismatch[] };
}

/** Units apply to the paragraph at their position only if its source is exactly theirs. */
async function matchTo(tx: Tx, documentId: string, units: ExchangeUnit[]) {
  const segments = await tx.segment.findMany({
    where: { documentId },
    select: { id: true, position: true, source: true },
  });
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  const segmentIds = new Map<number, string>();
  const mismatches: ImportMismatch[] = [];
  for (const unit of units) {
    const segment = byPosition.get(unit.position);
    if (segment && segment.source.normalize("NFC") === unit.source) segmentIds.set(unit.position, segment.id);
    else mismatches.push({ position: unit.position, expected: segment?.source ?? null, found: unit.source });
  }
  return { documentId, segmentIds, mismatches };
}
