// Writing many translations at once (an import, a find-and-replace), in two steps so that the write
// lock is held only for writing: everything is read and decided first, outside any transaction;
// then, inside one short transaction, `changedSince` finds the few rows someone saved in between
// (decided again by the caller on what they hold now) and `writeTranslations` writes them all.
// Each new version gets its revision from the database trigger, as a single save does.
import { selectFromRows, updateRows } from "../db/bulk-write";
import { Prisma, type Tx } from "../db/client";
import type { OriginKind } from "./origin";

/** A translation as stored, for deciding what to write. */
export type StoredTranslation = Pick<
  Prisma.TranslationModel,
  "id" | "segmentId" | "lang" | "text" | "status" | "version"
>;

/** A new version of a translation: `version` is one more than the one the decision was made on. */
export type TranslationWrite = Pick<
  Prisma.TranslationModel,
  "id" | "text" | "status" | "version" | "updatedById" | "updatedAt"
>;

/** The translations of a document, for a decision made before the transaction. */
export function storedTranslations(db: Pick<Tx, "$queryRaw">, documentId: string, lang?: string) {
  return db.$queryRaw<StoredTranslation[]>`
    SELECT "id", "segmentId", "lang", "text", "status", "version" FROM "Translation"
     WHERE "documentId" = ${documentId} ${lang === undefined ? Prisma.empty : Prisma.sql`AND "lang" = ${lang}`}`;
}

/**
 * Of the translations a decision was made on (by segment and language, at a version; version 0 for
 * one that did not exist), those stored differently now, as they are now.
 */
export function changedSince(tx: Tx, decidedOn: { segmentId: string; lang: string; version: number }[]) {
  return selectFromRows<StoredTranslation>(
    tx,
    decidedOn.map((t) => [t.segmentId, t.lang, t.version]),
    (rows) => Prisma.sql`
      SELECT t."id", t."segmentId", t."lang", t."text", t."status", t."version"
        FROM ${rows.table}
        JOIN "Translation" t ON t."segmentId" = ${rows.text(0)} AND t."lang" = ${rows.text(1)}
       WHERE t."version" <> ${rows.int(2)}`,
  );
}

export function writeTranslations(tx: Tx, rows: TranslationWrite[]) {
  return updateRows(
    tx,
    "Translation",
    ["text", "status", "version", "updatedById", "updatedAt"],
    rows.map((r) => [r.id, r.text, r.status, r.version, r.updatedById, r.updatedAt]),
  );
}

/** A new version of a translation written by a fill, with where it came from. */
export interface FilledTranslation {
  id: string;
  text: string;
  status: string;
  /** One more than the version the fill was decided on; also the fill's originVersion. */
  version: number;
  updatedById: string | null;
  updatedAt: Date;
  origin: OriginKind;
  score: number;
  name: string | null;
  segmentId: string | null;
}

/** Writes fills in one statement per chunk (lib/db/bulk-write.ts); each new version gets its revision. */
export function writeFilledTranslations(tx: Tx, rows: FilledTranslation[]) {
  return updateRows(
    tx,
    "Translation",
    [
      "text",
      "status",
      "version",
      "updatedById",
      "updatedAt",
      "origin",
      "originScore",
      "originName",
      "originSegmentId",
      "originVersion",
      "originEdited",
    ],
    rows.map((r) => [
      r.id,
      r.text,
      r.status,
      r.version,
      r.updatedById,
      r.updatedAt,
      r.origin,
      r.score,
      r.name,
      r.segmentId,
      r.version,
      0,
    ]),
  );
}
