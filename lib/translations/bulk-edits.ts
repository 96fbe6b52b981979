// A change written to many paragraphs at once (find and replace) is recorded as one bulk edit, so it
// can be undone in one step: every translation still at the version the edit wrote gets its earlier
// text and status back as a new version (its history keeps both), in one short transaction. A
// translation saved since is left as it is and listed: undoing must never throw away later work.
import { type ProjectAccess, requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import { roleAllows } from "../auth/permissions";
import { insertRows } from "../db/bulk-write";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { letOthersRun } from "../event-loop";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";
import { reanchorReplaced } from "../notes/reanchor";
import type { TranslationStatus } from "../segments/status";
import { changedSince, writeTranslations } from "./bulk";

export interface BulkEditRecord {
  documentId: string;
  lang: string;
  find: string;
  replace: string;
  authorId: string;
  createdAt: Date;
  entries: { translationId: string; version: number; textBefore: string; statusBefore: string }[];
}

/** Inside the writing transaction: the record of what it wrote; null when it wrote nothing. */
export async function recordBulkEdit(tx: Tx, record: BulkEditRecord): Promise<string | null> {
  if (record.entries.length === 0) return null;
  const { entries, ...edit } = record;
  const { id } = await tx.bulkEdit.create({ data: { ...edit, kind: "replace" } });
  await insertRows(
    tx,
    "BulkEditEntry",
    ["bulkEditId", "translationId", "version", "textBefore", "statusBefore"],
    entries.map((e) => [id, e.translationId, e.version, e.textBefore, e.statusBefore]),
  );
  return id;
}

type Access = Pick<ProjectAccess, "role" | "policy">;

/** Who may undo: the person who made the edit, and owners. */
function mayUndo(access: Access, authorId: string | null, userId: string) {
  return authorId === userId || roleAllows(access.role, "translation.bulk.undo.any", access.policy);
}

export interface UndoResult {
  restored: number;
  /** Paragraphs saved since the bulk edit: left as they are. */
  skipped: { segmentId: string; position: number; reason: "changed" }[];
}

interface EntryRow {
  id: string;
  segmentId: string;
  lang: string;
  /** The text now: the one the bulk edit wrote, for those restored (the others are left alone). */
  text: string;
  position: number;
  /** The version the bulk edit wrote. */
  version: number;
  textBefore: string;
  statusBefore: TranslationStatus;
}

export async function undoBulkEdit(db: Db, actor: Actor, bulkEditId: string): Promise<UndoResult> {
  const edit = await db.bulkEdit.findUnique({ where: { id: bulkEditId } });
  if (!edit) throw new AppError("not_found");
  const { access } = await requireDocument(db, actor, edit.documentId, "translation.edit");
  if (!mayUndo(access, edit.authorId, actor.userId))
    throw new AppError("forbidden", { action: "translation.bulk.undo.any" });
  if (edit.undoneAt) throw new AppError("invalid_input", { field: "id", reason: "already_undone" });
  // Read before the transaction; inside it only the few saved meanwhile are looked for.
  const entries = await db.$queryRaw<EntryRow[]>`
    SELECT t."id", t."segmentId", t."lang", t."text", s."position", e."version", e."textBefore", e."statusBefore"
      FROM "BulkEditEntry" e
      JOIN "Translation" t ON t."id" = e."translationId"
      JOIN "Segment" s ON s."id" = t."segmentId"
     WHERE e."bulkEditId" = ${bulkEditId}`;
  await letOthersRun();

  const result = await db.$transaction(
    async (tx) => {
      const saved = new Set((await changedSince(tx, entries)).map((t) => t.id));
      const restore = entries.filter((e) => !saved.has(e.id));
      const now = new Date();
      // Each a new version: the database's trigger writes its revision, as for a save.
      await writeTranslations(
        tx,
        restore.map((e) => ({
          id: e.id,
          text: e.textBefore,
          status: e.statusBefore,
          version: e.version + 1,
          updatedById: actor.userId,
          updatedAt: now,
        })),
      );
      // Notes anchored in the restored texts follow their words back, as after a save.
      await reanchorReplaced(
        tx,
        edit.documentId,
        edit.lang,
        new Map(restore.map((e) => [e.segmentId, { text: e.textBefore, previous: e.text }])),
      );
      // Only the first undo counts: a second one, racing this, finds it undone.
      const marked = await tx.bulkEdit.updateMany({
        where: { id: bulkEditId, undoneAt: null },
        data: { undoneAt: now, undoneById: actor.userId },
      });
      if (marked.count !== 1) throw new AppError("invalid_input", { field: "id", reason: "already_undone" });
      const skipped = entries
        .filter((e) => saved.has(e.id))
        .map((e) => ({ segmentId: e.segmentId, position: e.position, reason: "changed" as const }))
        .sort((a, b) => a.position - b.position);
      return { restored: restore.length, skipped, segmentIds: restore.map((e) => e.segmentId) };
    },
    { timeout: 60_000 },
  );
  // Others with the document open see the restored texts, as after the replace itself.
  if (result.segmentIds.length > 0) {
    const data = {
      change: "translations" as const,
      lang: edit.lang,
      reason: "undo-replace",
      segmentIds: listedSegments(result.segmentIds),
    };
    await publishLive(db, { type: "document.changed", documentId: edit.documentId, actorId: actor.userId, data });
  }
  return { restored: result.restored, skipped: result.skipped };
}

export interface BulkEditRef {
  id: string;
  find: string;
  replace: string;
  paragraphs: number;
  undone: boolean;
  mayUndo: boolean;
}

/** For a translation's history: the bulk edit that wrote each version, by version. */
export async function bulkEditsOf(
  db: Db,
  translationId: string,
  access: Access,
  userId: string,
): Promise<Map<number, BulkEditRef>> {
  const entries = await db.bulkEditEntry.findMany({
    where: { translationId },
    select: {
      version: true,
      bulkEdit: {
        select: {
          id: true,
          find: true,
          replace: true,
          authorId: true,
          undoneAt: true,
          _count: { select: { entries: true } },
        },
      },
    },
  });
  return new Map(
    entries.map(({ version, bulkEdit: b }) => [
      version,
      {
        id: b.id,
        find: b.find,
        replace: b.replace,
        paragraphs: b._count.entries,
        undone: b.undoneAt !== null,
        mayUndo:
          b.undoneAt === null &&
          roleAllows(access.role, "translation.edit", access.policy) &&
          mayUndo(access, b.authorId, userId),
      },
    ]),
  );
}
