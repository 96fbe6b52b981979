// Emitting live events: domain functions call publishLive after their change committed, never
// inside it. The save is the hottest path, so a publish only queues the event; the queue is written
// right after the current turn of the event loop, every event that arrived meanwhile in one
// statement (event-log.ts), and then the instance's hub is woken (or, on PostgreSQL, every
// instance by the append's NOTIFY). The promise resolves once the event is logged and never
// rejects (a failure is logged): a save that committed is answered whatever happens to its event.
// A job that ends a process (the command line) awaits it; a save does not.
//
// What this costs: an event can be lost if the process dies in the instant between a commit and
// the append (docs/live.md); a client then learns of that change when its own save meets it (409
// with the merge view) or on its next re-sync.
import { retryConflicts } from "../db/serializable";
import { appendEvents, pruneLog } from "./event-log";
import type { LiveEventData, NewLiveEvent } from "./events";
import { MAX_LISTED_SEGMENTS } from "./events";
import type { SqlRunner } from "./sql";

const PRUNE_EVERY_MS = 60_000;

export class Publisher {
  private queue: { event: NewLiveEvent; done: () => void }[] = [];
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();
  private lastPrune = Date.now();

  constructor(
    private readonly sql: SqlRunner,
    private readonly appended: (lastId: number) => void,
    private readonly log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  publish(event: NewLiveEvent): Promise<void> {
    return new Promise((done) => {
      this.queue.push({ event, done });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.writing = this.writing.then(() => this.write());
      });
    });
  }

  /** Resolves when everything published so far is logged (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) {
      await new Promise((r) => setImmediate(r));
      await this.writing;
    }
    await this.writing;
  }

  private async write() {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      // The append is one short transaction: on PostgreSQL a deadlock aborts it whole, so it runs again.
      const events = batch.map((b) => b.event);
      const ids = await retryConflicts(() => appendEvents(this.sql, events));
      if (ids.length > 0) this.appended(ids[ids.length - 1]);
    } catch (error) {
      this.log(`live: ${batch.length} event(s) not logged`, error);
    }
    for (const b of batch) b.done();
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await pruneLog(this.sql).catch((error) => this.log("live: pruning the event log failed", error));
    }
  }
}

/** The paragraphs a bulk change names, when few enough to be worth naming. */
export function listedSegments(ids: readonly string[]): LiveEventData<"document.changed">["segmentIds"] {
  return ids.length > 0 && ids.length <= MAX_LISTED_SEGMENTS ? [...ids] : undefined;
}
