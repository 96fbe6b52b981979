// A file becomes a document (mode "new") or updates a document's translations (mode "update"). The
// file is parsed, checked and every write decided first, with no lock held (planImport); then one
// short transaction writes it all (applyImport): a refusal anywhere writes nothing, and other
// people's saves wait for the write phase only, never for the parsing. No permission check here:
// the route and the command line decide who may import; this only checks the file against the
// project and gives statuses as the importer's role allows (target-status.ts).
import type { Db } from "../../db/client";
import { type DocumentRows, documentRows } from "../../documents/create-document";
import { storeFileIn, type UploadedFile } from "../../documents/original-file";
import { writeDocumentInSlices } from "../../documents/stage-document";
import { AppError } from "../../errors";
import { letOthersRun, mapInSlices } from "../../event-loop";
import { publishLive } from "../../live/runtime";
import { langsOf, targetLanguages } from "../../projects/languages";
import type { TranslationStatus } from "../../segments/status";
import { countWords } from "../../segments/word-count";
import { storedTranslations } from "../../translations/bulk";
import type { ExchangeUnit } from "../types";
import { checkUnits } from "./check-units";
import { importError } from "./errors";
import { mapLanguages } from "./languages";
import { parseFile } from "./parse-file";
import type { Downgrade } from "./target-status";
import type { ImportFormat } from "./types";
import { knownNotes, type NotesPlan, planNotes, writeNotes } from "./write-notes";
import { fillNewTargets, type LockedTarget, planTargets, type TargetPlan, writeTargets } from "./write-targets";

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
  /** Statuses the importer's role may set (others are downgraded and reported); undefined: any. */
  allowedStatuses?: readonly TranslationStatus[];
  /** Statuses whose translations the importer may not change (left alone and reported); undefined: none. */
  lockedStatuses?: readonly TranslationStatus[];
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
  /** Statuses in the file that the importer's role may not set, and what the translations have instead. */
  downgraded: Downgrade[];
  /** Translations the file would change that the importer may not change (approved work): left as they are. */
  locked: LockedTarget[];
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

/** Everything an import will write, decided before any transaction. */
export type ImportPlan =
  | { mode: "new"; report: ImportReport; rows: DocumentRows; notes: NotesPlan; file: UploadedFile }
  | { mode: "update"; report: ImportReport; targets: TargetPlan; notes: NotesPlan };

/** Parses, checks and decides with no lock held: a refusal here writes nothing and blocks nobody. */
export async function planImport(db: Db, input: ImportInput): Promise<ImportPlan> {
  if (input.mode === "update" && !input.documentId)
    throw importError("document_required", "Name the document to update.");
  await letOthersRun();
  const parsed = await parseFile(input.fileName, input.bytes);
  await letOthersRun();
  if (input.mode === "update" && !parsed.bilingual)
    throw importError("not_bilingual", "Only a file with translations (TMX, XLIFF, CSV, TSV) can update a document.");
  const project = await db.project.findUnique({
    where: { id: input.projectId },
    include: { languages: targetLanguages },
  });
  if (!project) throw new AppError("not_found", { field: "project" }, "No such project.");
  const projectLangs = langsOf(project.languages);
  const now = new Date();
  const report = (documentId: string, segments: number, mismatches: ImportMismatch[]): ImportReport => ({
    documentId,
    created: input.mode === "new",
    format: parsed.format,
    segments,
    translations: 0,
    notes: 0,
    mismatches,
    downgraded: [],
    locked: [],
  });

  if (input.mode === "new") {
    const units = checkUnits(mapLanguages(parsed, project.sourceLang, projectLangs));
    await letOthersRun();
    const rows = documentRows(
      {
        projectId: input.projectId,
        title: titleFor(input, parsed.title),
        fileName: input.fileName.replace(/^.*[\\/]/, "").slice(0, 255),
        sourceLang: project.sourceLang,
        createdById: input.userId,
        // Counting words (ICU) is the slow part of a big document's paragraphs: others run in between.
        segments: await mapInSlices(units, (u) => ({
          kind: u.kind,
          source: u.source,
          wordCount: countWords(u.source, project.sourceLang),
        })),
        targetLangs: projectLangs,
      },
      now,
    );
    // The file's positions may have gaps (a partial export): the new document numbers from 1.
    const segmentIds = new Map(units.map((u, i) => [u.position, rows.segments[i].id]));
    const context = { userId: input.userId, segmentIds, units, allowedStatuses: input.allowedStatuses, now };
    const { written, downgraded } = fillNewTargets(rows, context);
    const notes = planNotes({ ...context, documentId: rows.document.id });
    await letOthersRun();
    return {
      mode: "new",
      report: { ...report(rows.document.id, segmentIds.size, []), translations: written, downgraded },
      rows,
      notes,
      file: { fileName: input.fileName, format: parsed.format, bytes: input.bytes },
    };
  }

  const documentId = input.documentId!;
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { projectId: true, sourceLang: true },
  });
  if (!document || document.projectId !== input.projectId) throw noDocument();
  const units = checkUnits(mapLanguages(parsed, document.sourceLang, projectLangs));
  await letOthersRun();
  const { segmentIds, mismatches } = await matchTo(db, documentId, units);
  await letOthersRun();
  const context = {
    userId: input.userId,
    segmentIds,
    units,
    allowedStatuses: input.allowedStatuses,
    lockedStatuses: input.lockedStatuses,
    now,
  };
  const targets = planTargets(documentId, await storedTranslations(db, documentId), context);
  await letOthersRun();
  const notes = planNotes({ ...context, documentId }, await knownNotes(db, documentId));
  await letOthersRun();
  return { mode: "update", report: report(documentId, segmentIds.size, mismatches), targets, notes };
}

/**
 * Writes a plan: an update in one short transaction, a new document a slice at a time while nobody
 * can see it (stage-document.ts); either way all of it or, on any failure, nothing.
 */
export async function applyImport(db: Db, plan: ImportPlan): Promise<ImportReport> {
  if (plan.mode === "new") {
    // Counted from the plan, not set from inside a transaction (PostgreSQL may run it again).
    const notes = plan.notes.threads.length + plan.notes.replies.length;
    await writeDocumentInSlices(db, plan.rows, [
      (tx) => writeNotes(tx, plan.notes),
      // The uploaded source is kept as it came, to be downloaded again (lib/documents/original-file.ts).
      (tx) => storeFileIn(tx, plan.rows.document.id, plan.file, plan.rows.document.createdById ?? null),
    ]);
    return { ...plan.report, notes };
  }
  const { targets } = plan;
  return db.$transaction(
    async (tx) => {
      const { written, downgraded, locked } = await writeTargets(tx, targets);
      return { ...plan.report, translations: written, downgraded, locked, notes: await writeNotes(tx, plan.notes) };
    },
    // Waiting for another import's write is fine; holding the writer for long is not (bench/save-wait.ts).
    { maxWait: 30_000, timeout: 60_000 },
  );
}

export async function importDocument(db: Db, input: ImportInput): Promise<ImportReport> {
  const plan = await planImport(db, input);
  const report = await applyImport(db, plan);
  // Whoever has the document open reads it again (awaited: the command line exits right after).
  if (plan.mode === "update" && (report.translations > 0 || report.notes > 0)) {
    const data = { change: "translations" as const, lang: null, reason: "import" };
    await publishLive(db, { type: "document.changed", documentId: report.documentId, actorId: input.userId, data });
  }
  return report;
}

/** Units apply to the paragraph at their position only if its source is exactly theirs. */
async function matchTo(db: Db, documentId: string, units: ExchangeUnit[]) {
  const segments = await db.segment.findMany({
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
  return { segmentIds, mismatches };
}
