// At most two imports are parsed and written at once in a server process: each can take a few
// hundred megabytes for a 50 MB file (bench/import.ts), so a third waits in line, first come first
// served, and a line of more than eight is refused (429, try again later) rather than holding ever
// more uploads in memory. A waiting import can be followed by its ticket (GET /api/v1/imports/{ticket})
// by the account that sent it; the import page shows the place in line from it.
import { AppError } from "../../errors";

export const MAX_RUNNING_IMPORTS = 2;
export const MAX_WAITING_IMPORTS = 8;
/** Seconds a refused caller is told to wait before trying again. */
const RETRY_AFTER = 30;

export const TICKET = /^[A-Za-z0-9_-]{16,64}$/;

interface Entry {
  ticket: string | null;
  userId: string | null;
  start: () => void;
}

export type TicketState = { state: "running" } | { state: "waiting"; position: number };

export class ImportSlots {
  readonly #running = new Set<Entry>();
  readonly #waiting: Entry[] = [];

  constructor(
    readonly maxRunning = MAX_RUNNING_IMPORTS,
    readonly maxWaiting = MAX_WAITING_IMPORTS,
  ) {}

  /**
   * Runs `work` once a slot is free. Waiting ends early, with nothing run, when `signal` aborts
   * (the caller went away); a full line refuses at once.
   */
  async run<T>(
    who: { ticket?: string | null; userId: string | null },
    work: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const entry: Entry = { ticket: who.ticket ?? null, userId: who.userId, start: () => {} };
    if (this.#running.size >= this.maxRunning) {
      if (this.#waiting.length >= this.maxWaiting)
        throw new AppError(
          "rate_limited",
          { reason: "imports_busy", retryAfter: RETRY_AFTER, waiting: this.#waiting.length },
          "Too many imports are waiting; try again later.",
        );
      await new Promise<void>((resolve, reject) => {
        entry.start = resolve;
        this.#waiting.push(entry);
        signal?.addEventListener(
          "abort",
          () => {
            const at = this.#waiting.indexOf(entry);
            if (at < 0) return;
            this.#waiting.splice(at, 1);
            reject(signal.reason ?? new Error("aborted"));
          },
          { once: true },
        );
      });
    } else this.#running.add(entry);
    try {
      return await work();
    } finally {
      this.#running.delete(entry);
      const next = this.#waiting.shift();
      if (next) {
        this.#running.add(next);
        next.start();
      }
    }
  }

  /** Where a ticket is, for the account that holds it; null when unknown, finished or someone else's. */
  state(ticket: string, userId: string | null): TicketState | null {
    const mine = (e: Entry) => e.ticket === ticket && e.userId === userId;
    for (const e of this.#running) if (mine(e)) return { state: "running" };
    const at = this.#waiting.findIndex(mine);
    return at < 0 ? null : { state: "waiting", position: at + 1 };
  }
}

// One line per server process, whichever route module asks (Next may load a module once per route).
const shared = globalThis as unknown as { parallelImportSlots?: ImportSlots };
shared.parallelImportSlots ??= new ImportSlots();
export const importSlots: ImportSlots = shared.parallelImportSlots;
