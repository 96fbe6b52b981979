import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { ParsedSegment } from "../segments/parse-text";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

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
  const segments = doc.segments.map((s, i) => ({ id: randomUUID(), documentId, position: i + 1, ...s }));
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < segments.length; i += 500) {
    await tx.segment.createMany({ data: segments.slice(i, i + 500) });
  }
  const translations = segments.flatMap((s) =>
    doc.targetLangs.map((lang) => ({ id: randomUUID(), segmentId: s.id, documentId, lang })),
  );
  for (let i = 0; i < translations.length; i += 500) {
    await tx.translation.createMany({ data: translations.slice(i, i + 500) });
  }
  return documentId;
}

export function createDocument(db: Db, doc: NewDocument): Promise<string> {
  return db.$transaction((tx) => createDocumentIn(tx, doc), { timeout: 60_000 });
}
