// The working memory is written after a confirm has been answered, never inside the save's
// statement or transaction: a confirm queues its paragraph here and the queue writes the units
// (write-units.ts) once the event loop is free. A slow memory never slows a save, and a memory
// failure never fails one (it is logged; the next confirm of the paragraph writes it again).
// Several confirms of one paragraph before the queue runs are written once, as the database has it.
import type { Db } from "../db/client";
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";
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
        await writeParagraphUnits(job.db, job.segmentId, job.lang);
      } catch (error) {
        console.error("translation memory: could not write the units of", job.segmentId, job.lang, error);
      }
    }
  } finally {
    running = null;
  }
}

/** Resolves when every queued write is done (tests, and a server shutting down). */
export async function memoryWritesSettled(): Promise<void> {
  while (running) await running;
}
