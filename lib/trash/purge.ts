// The purge: projects and documents trashed more than PARALLEL_TRASH_DAYS ago, and paragraphs kept
// that long in a document's bin, are deleted for good (the database cascades to their paragraphs,
// translations, history and notes). It runs when a server starts and then every hour
// (startTrashPurge); anything younger is never touched.
import { auditIn } from "../audit/record";
import type { Db } from "../db/client";
import { purgeCutoff } from "./retention";

export interface PurgeResult {
  projects: number;
  documents: number;
  paragraphs: number;
}

export async function purgeExpired(db: Db, now = new Date()): Promise<PurgeResult> {
  const cutoff = purgeCutoff(now);
  const projects = await db.project.findMany({
    where: { deletedAt: { lt: cutoff } },
    select: { id: true, name: true },
  });
  const documents = await db.document.findMany({
    where: { deletedAt: { lt: cutoff }, binOfId: null, projectId: { notIn: projects.map((p) => p.id) } },
    select: { id: true, projectId: true, title: true },
  });
  // One short transaction per thing removed: a purge never holds the database for long.
  for (const p of projects) {
    await db.$transaction(async (tx) => {
      await tx.project.deleteMany({ where: { id: p.id, deletedAt: { lt: cutoff } } });
      await auditIn(tx, null, {
        action: "project.purge",
        projectId: p.id,
        entityType: "project",
        entityId: p.id,
        data: { name: p.name, expired: true },
      });
    });
  }
  for (const d of documents) {
    await db.$transaction(async (tx) => {
      await tx.document.deleteMany({ where: { id: d.id, deletedAt: { lt: cutoff } } });
      await auditIn(tx, null, {
        action: "document.purge",
        projectId: d.projectId,
        entityType: "document",
        entityId: d.id,
        data: { title: d.title, expired: true },
      });
    });
  }
  const paragraphs = await db.segment.deleteMany({ where: { trashed: { trashedAt: { lt: cutoff } } } });
  return { projects: projects.length, documents: documents.length, paragraphs: paragraphs.count };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Purges every hour (and now, unless the start-up has just done it), for as long as the process runs;
 * the timer does not keep the process alive.
 */
export function startTrashPurge(db: Db, { everyMs = HOUR_MS, now = true } = {}): () => void {
  const run = () =>
    purgeExpired(db).then(
      (done) => {
        const total = done.projects + done.documents + done.paragraphs;
        if (total > 0)
          console.log(
            `Trash purged: ${done.projects} project(s), ${done.documents} document(s), ${done.paragraphs} paragraph(s).`,
          );
      },
      (error: unknown) => console.error("The trash purge failed; it runs again later.", error),
    );
  if (now) void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
