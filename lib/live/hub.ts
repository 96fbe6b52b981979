// One instance's fan-out: the streams open here, by document, and the events and presence they are
// sent. The hub keeps a cursor (the last event id it has handed out) and, whenever it hears that
// there is more (transport.ts), reads the log after the cursor and gives each event to the streams of
// its document, each event's SSE frame encoded once for all of them. The transport only wakes it:
// the log is the truth, so a missed wake-up costs time, not events, and a poll every POLL_MS catches
// what nobody announced (a lost PostgreSQL connection, the command line writing to the SQLite file).
import { eventsAfter, newestEventId } from "./event-log";
import type { LiveEvent, PresentPerson } from "./events";
import { presenceOf, SWEEP_EVERY_MS, sweepPresence } from "./presence";
import type { SqlRunner } from "./sql";
import { eventFrame, presenceFrame } from "./sse";
import { type LiveTransport, presenceMessage } from "./transport";

const POLL_MS = 3_000;
const BATCH = 500;

export interface Frame {
  id: number;
  bytes: Uint8Array;
}

/** A stream as the hub sees it. */
export interface Subscriber {
  /** Events of the subscriber's document, oldest first (it drops those it has sent already). */
  events(frames: Frame[]): void;
  presence(bytes: Uint8Array, people: PresentPerson[]): void;
  /** The instance is shutting down. */
  close(): void;
}

export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private cursor = 0;
  private started: Promise<void> | null = null;
  private pumping = false;
  private pumpAgain = false;
  private wakeScheduled = false;
  private readonly presenceDue = new Set<string>();
  private presenceScheduled = false;
  /** Documents whose presence is being read, and whether news came meanwhile (read again after). */
  private readonly presenceReading = new Map<string, boolean>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    readonly sql: SqlRunner,
    readonly transport: LiveTransport,
    private readonly log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  /** Starts hearing (once): the cursor is the newest event when the hub starts, read after LISTEN began. */
  ready(): Promise<void> {
    this.started ??= (async () => {
      await this.transport.start(
        (message) => this.hear(message),
        () => this.gap(),
      );
      this.cursor = Math.max(this.cursor, await newestEventId(this.sql));
      const every = (ms: number, run: () => Promise<unknown>) => {
        const timer = setInterval(() => run().catch((error) => this.log("live: background work failed", error)), ms);
        timer.unref?.();
        this.timers.push(timer);
      };
      every(POLL_MS, () => this.poll());
      every(SWEEP_EVERY_MS, () => this.sweep());
    })();
    return this.started;
  }

  subscribe(documentId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(documentId);
    if (!set) {
      set = new Set();
      this.subscribers.set(documentId, set);
    }
    set.add(subscriber);
    return () => {
      const current = this.subscribers.get(documentId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(documentId);
    };
  }

  /** How many streams are open here (diagnostics, tests). */
  get streams(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Tells every instance that a document's presence changed. */
  announcePresence(documentId: string): Promise<void> {
    return this.transport.announce(presenceMessage(documentId));
  }

  /** Reads the log after the cursor soon (coalesced: one read serves every wake-up meanwhile). */
  wake() {
    if (this.wakeScheduled || this.closed) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.track(this.pump());
    });
  }

  /** Work that must finish before the hub closes (a stream leaving presence). */
  track(work: Promise<unknown>) {
    const done = work.catch((error) => this.log("live: background work failed", error));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  async close() {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.close();
    this.subscribers.clear();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    await this.transport.close();
  }

  private hear(message: string) {
    const [kind, value] = [message[0], message.slice(2)];
    if (kind === "e") {
      const id = Number(value);
      if (!Number.isFinite(id) || id <= this.cursor) return;
      // Nobody here to tell: a stream opened later catches up from the log itself.
      if (this.subscribers.size === 0 && !this.pumping) this.cursor = id;
      else this.wake();
    } else if (kind === "p" && value) {
      this.presenceChanged(value);
    }
  }

  private gap() {
    this.wake();
    for (const documentId of this.subscribers.keys()) this.presenceChanged(documentId);
  }

  private async poll() {
    const newest = await newestEventId(this.sql);
    if (newest <= this.cursor) return;
    if (this.subscribers.size === 0 && !this.pumping) this.cursor = newest;
    else this.wake();
  }

  private async pump() {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        for (;;) {
          const batch = await eventsAfter(this.sql, this.cursor, BATCH);
          if (batch.length === 0) break;
          this.cursor = batch[batch.length - 1].id;
          this.dispatch(batch);
          if (batch.length < BATCH) break;
        }
      } while (this.pumpAgain && !this.closed);
    } catch (error) {
      // The next wake-up or poll reads again from the same cursor.
      this.log("live: reading the event log failed", error);
    } finally {
      this.pumping = false;
    }
  }

  private dispatch(events: LiveEvent[]) {
    const byDocument = new Map<string, Frame[]>();
    for (const event of events) {
      if (!this.subscribers.has(event.documentId)) continue;
      const frames = byDocument.get(event.documentId) ?? [];
      frames.push({ id: event.id, bytes: eventFrame(event) });
      byDocument.set(event.documentId, frames);
    }
    for (const [documentId, frames] of byDocument) {
      for (const subscriber of this.subscribers.get(documentId) ?? []) subscriber.events(frames);
    }
  }

  private presenceChanged(documentId: string) {
    if (!this.subscribers.has(documentId) || this.closed) return;
    this.presenceDue.add(documentId);
    if (this.presenceScheduled) return;
    this.presenceScheduled = true;
    setImmediate(() => {
      this.presenceScheduled = false;
      const due = [...this.presenceDue];
      this.presenceDue.clear();
      for (const id of due) this.track(this.sendPresence(id));
    });
  }

  /**
   * One read of a document's presence at a time, and one more if it changed meanwhile: two reads at
   * once may answer in either order, and an older list sent last stayed on every screen until the
   * next change (a tab's move from one paragraph to the next, shown as the one before it).
   */
  private async sendPresence(documentId: string) {
    if (this.presenceReading.has(documentId)) {
      this.presenceReading.set(documentId, true);
      return;
    }
    try {
      do {
        this.presenceReading.set(documentId, false);
        if (this.closed) return;
        try {
          const people = await presenceOf(this.sql, documentId);
          const bytes = presenceFrame(people);
          for (const subscriber of this.subscribers.get(documentId) ?? []) subscriber.presence(bytes, people);
        } catch (error) {
          this.log("live: reading presence failed", error);
        }
      } while (this.presenceReading.get(documentId));
    } finally {
      this.presenceReading.delete(documentId);
    }
  }

  /** Tabs gone silent anywhere: their rows go, and every instance is told. */
  private async sweep() {
    for (const documentId of await sweepPresence(this.sql)) await this.announcePresence(documentId);
  }
}
