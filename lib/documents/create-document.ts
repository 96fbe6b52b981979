import { insertRows } from "../db/bulk-write";
import type { Db, Prisma, Tx } from "../db/client";
import { orderedId } from "../db/ordered-id";
import type { ParsedSegment } from "../segments/parse-text";

export interface NewDocument {
  projectId: string;
  title: string;
  fileName?: string | null;
  sourceLang?: string;
  createdById?: string | null;
  segments: ParsedSegment[];
  /** One empty translation (status new) per segment and language, so progress counts are plain counts. */
  targetLangs: string[];
}

/** Every row of a new document, ids included, made before any transaction starts. */
export interface DocumentRows {
  document: {
    id: string;
    projectId: string;
    title: string;
    fileName: string | null;
    sourceLang: string;
    createdById: string | null;
  };
  segments: (ParsedSegment & { id: string; position: number })[];
  /** In segment order, then language order; an importer fills some in before they are written. */
  translations: Pick<
    Prisma.TranslationModel,
    "id" | "segmentId" | "lang" | "text" | "status" | "version" | "updatedById"
  >[];
  now: Date;
}

export function documentRows(doc: NewDocument, now = new Date()): DocumentRows {
  const id = orderedId();
  const segments = doc.segments.map((s, i) => ({ id: orderedId(), position: i + 1, ...s }));
  return {
    document: {
      id,
      projectId: doc.projectId,
      title: doc.title,
      fileName: doc.fileName ?? null,
      sourceLang: doc.sourceLang ?? "uk",
      createdById: doc.createdById ?? null,
    },
    segments,
    translations: segments.flatMap((s) =>
      doc.targetLangs.map((lang) => ({
        id: orderedId(),
        segmentId: s.id,
        lang,
        text: "",
        status: "new",
        version: 0,
        updatedById: null,
      })),
    ),
    now,
  };
}

/** Writes paragraphs of a new document (and their translations) inside the caller's transaction. */
export async function writeSegmentsIn(
  tx: Tx,
  documentId: string,
  segments: DocumentRows["segments"],
  translations: DocumentRows["translations"],
  now: Date,
): Promise<void> {
  await insertRows(
    tx,
    "Segment",
    ["id", "documentId", "position", "kind", "source", "wordCount"],
    segments.map((s) => [s.id, documentId, s.position, s.kind, s.source, s.wordCount]),
  );
  await insertRows(
    tx,
    "Translation",
    ["id", "segmentId", "documentId", "lang", "text", "status", "version", "updatedById", "createdAt", "updatedAt"],
    translations.map((t) => [
      t.id,
      t.segmentId,
      documentId,
      t.lang,
      t.text,
      t.status,
      t.version,
      t.updatedById,
      now,
      now,
    ]),
  );
}

/** Writes all of a new document's rows inside the caller's transaction (revisions come from the trigger). */
export async function writeDocumentIn(tx: Tx, rows: DocumentRows): Promise<void> {
  await tx.document.create({ data: rows.document });
  await writeSegmentsIn(tx, rows.document.id, rows.segments, rows.translations, rows.now);
}

/** Writes a document, its segments and their empty translations inside the caller's transaction. */
export async function createDocumentIn(tx: Tx, doc: NewDocument): Promise<string> {
  const rows = documentRows(doc);
  await writeDocumentIn(tx, rows);
  return rows.document.id;
}

export async function createDocument(db: Db, doc: NewDocument): Promise<string> {
  const rows = documentRows(doc);
  await db.$transaction((tx) => writeDocumentIn(tx, rows), { timeout: 60_000 });
  return rows.document.id;
}
