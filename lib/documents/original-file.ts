// The source file a document was made from, as uploaded (and each later source update), kept so it
// can be downloaded again. What is kept is exactly what the upload limit let in.
import type { Db, Tx } from "../db/client";

export interface UploadedFile {
  fileName: string;
  format: string;
  bytes: Uint8Array;
}

export async function storeFileIn(tx: Tx, documentId: string, file: UploadedFile, uploadedById: string | null) {
  const stored = await tx.documentFile.create({
    data: {
      documentId,
      fileName: file.fileName.replace(/^.*[\\/]/, "").slice(0, 255) || "document",
      format: file.format,
      size: file.bytes.byteLength,
      // Prisma wants a Uint8Array over its own ArrayBuffer.
      bytes: new Uint8Array(file.bytes),
      uploadedById,
    },
    select: { id: true },
  });
  return stored.id;
}

/** The files of a document, newest first, without their bytes. */
export function listFiles(db: Db, documentId: string) {
  return db.documentFile.findMany({
    where: { documentId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      fileName: true,
      format: true,
      size: true,
      createdAt: true,
      uploadedBy: { select: { name: true } },
    },
  });
}

/** The newest uploaded source of a document (what "download the original" gives), or null. */
export function latestFile(db: Db, documentId: string) {
  return db.documentFile.findFirst({ where: { documentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Content types for a download, by the format the importer detected. */
export const fileTypes: Record<string, string> = {
  // No charset: the bytes are as uploaded (a .txt may be Windows-1251 or UTF-16).
  txt: "text/plain",
  md: "text/markdown",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  tmx: "application/x-tmx+xml",
  xliff12: "application/xliff+xml",
  xliff20: "application/xliff+xml",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
};
