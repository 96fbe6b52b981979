// The working memory is written after a confirm has been answered, never inside the save's
// statement or transaction: a confirm queues its paragraph here and the queue writes the units
// (write-units.ts) once the event loop is free. A slow memory never slows a save, and a memory
// failure never fails one (it is logged; the next confirm of the paragraph writes it again).
// Several confirms of one paragraph before the queue runs are written once, as the database has it.
// After the units: open editors are told (memory-live.ts), and the paragraph's repetitions in its
// document are filled (propagate.ts).
import type { Db } from "../db/client";
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";
import { announceMemoryChange } from "./memory-live";
import { propagateRepetitions } from "./propagate";
import { writeParagraphUnits } from "./write-units";

interface Job {
  db: Db;
  segmentId: string;
  lang: string;
}

const pending = new Map<string, Job>();
let running: Promise<void> | null = null;

/** Statuses whose save changes the working memory: confirmed ones write units, a rejection withdraws them. */
export const writesMemory = (status: string) =>
  DONE_STATUSES.includes(status as TranslationStatus) || status === "rejected";

/** Queues the paragraph's units to be written after this request; a draft or new text changes nothing. */
export function afterConfirm(db: Db, segmentId: string, lang: string, status: string): void {
  if (!writesMemory(status)) return;
  pending.set(`${segmentId}\u0000${lang}`, { db, segmentId, lang });
  if (!running) running = drainSoon();
}

async function drainSoon(): Promise<void> {
  // setImmediate: after the answer has been written to the socket.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    while (pending.size > 0) {
      const [key, job] = pending.entries().next().value as [string, Job];
      pending.delete(key);
      try {
        const { memoryId, written, removed } = await writeParagraphUnits(job.db, job.segmentId, job.lang);
        // Open editors of every project reading this memory ask for their matches again (memory-live.ts).
        if (memoryId && written + removed > 0)
          await announceMemoryChange(job.db, { memoryId, lang: job.lang, segmentId: job.segmentId, actorId: null });
      } catch (error) {
        console.error("translation memory: could not write the units of", job.segmentId, job.lang, error);
      }
      try {
        // The same source elsewhere in the document, still open, gets the confirmed text (propagate.ts).
        await propagateRepetitions(job.db, job.segmentId, job.lang);
      } catch (error) {
        console.error("repetitions: could not fill those of", job.segmentId, job.lang, error);
      }
    }
  } finally {
    running = null;
  }
}

const tasks = new Set<Promise<void>>();

/**
 * Runs a memory write of a bulk change (approve all) after the request's answer, as confirms are:
 * a failure is logged, never the request's.
 */
export function afterAnswer(label: string, work: () => Promise<unknown>): void {
  const task: Promise<void> = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => {},
      (error) => console.error(label, error),
    )
    .finally(() => tasks.delete(task));
  tasks.add(task);
}

/** Resolves when every queued write is done (tests, and a server shutting down). */
export async function memoryWritesSettled(): Promise<void> {
  while (running || tasks.size > 0) {
    await running;
    await Promise.all(tasks);
  }
}
