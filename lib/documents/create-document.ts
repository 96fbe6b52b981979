import { randomUUID } from "node:crypto";
import { insertRows } from "../db/bulk-write";
import type { Db, Tx } from "../db/client";
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

/** Writes a document, its segments and their empty translations inside the caller's transaction. */
export async function createDocumentIn(tx: Tx, doc: NewDocument): Promise<string> {
  const documentId = randomUUID();
  await tx.document.create({
    data: {
      id: documentId,
      projectId: doc.projectId,
      title: doc.title,
      fileName: doc.fileName ?? null,
      sourceLang: doc.sourceLang ?? "uk",
      createdById: doc.createdById ?? null,
    },
  });
  const segments = doc.segments.map((s, i) => ({ id: randomUUID(), position: i + 1, ...s }));
  await insertRows(
    tx,
    "Segment",
    ["id", "documentId", "position", "kind", "source", "wordCount"],
    segments.map((s) => [s.id, documentId, s.position, s.kind, s.source, s.wordCount]),
  );
  const now = new Date();
  await insertRows(
    tx,
    "Translation",
    ["id", "segmentId", "documentId", "lang", "text", "status", "version", "createdAt", "updatedAt"],
    segments.flatMap((s) =>
      doc.targetLangs.map((lang) => [randomUUID(), s.id, documentId, lang, "", "new", 0, now, now]),
    ),
  );
  return documentId;
}

export function createDocument(db: Db, doc: NewDocument): Promise<string> {
  return db.$transaction((tx) => createDocumentIn(tx, doc), { timeout: 60_000 });
}
