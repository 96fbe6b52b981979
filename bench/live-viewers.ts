// The viewers and the clock of the live benchmark (bench/live.ts): each viewer reads a document's
// event stream (over HTTP from the server, or straight from a hub's stream) and notes when each
// translation.saved reached it; the saves are noted when sent and when answered; delivery latency is
// the difference, per viewer and per save.
import { summarize } from "./stats";

/** "segmentId|version": one save, as its event names it. */
export const saveKey = (segmentId: string, version: number) => `${segmentId}|${version}`;

export class Viewer {
  /** When each save's event arrived here (performance.now()). */
  readonly arrived = new Map<string, number>();
  private greeted!: () => void;
  /** Resolves once the stream said hello and who is present: from then on it is live. */
  readonly live = new Promise<void>((resolve) => {
    this.greeted = resolve;
  });
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
    void this.pump();
  }

  private async pump() {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          this.message(buffer.slice(0, end), at);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Cancelled at the end of the run.
    }
  }

  private message(block: string, at: number) {
    let event = "";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data = line.slice(6);
    }
    if (event === "presence") this.greeted();
    if (event !== "translation.saved") return;
    const { segmentId, version } = JSON.parse(data) as { segmentId: string; version: number };
    this.arrived.set(saveKey(segmentId, version), at);
  }

  cancel() {
    return this.reader.cancel().catch(() => {});
  }
}

export interface SentSave {
  key: string;
  sentAt: number;
  /** When the save was answered (committed); for an in-process publish, when it was handed over. */
  doneAt: number;
}

export interface Delivery {
  saves: number;
  expected: number;
  delivered: number;
  /** Save sent → event at a viewer, every (save, viewer) pair. */
  fromSend: ReturnType<typeof summarize>;
  /** Save answered → event at a viewer. */
  fromAnswer: ReturnType<typeof summarize>;
  /** Per save: until its last viewer had it. */
  lastViewer: ReturnType<typeof summarize>;
}

export function deliveryOf(saves: SentSave[], viewers: Viewer[]): Delivery {
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  const lastViewer: number[] = [];
  for (const save of saves) {
    let last = Number.NEGATIVE_INFINITY;
    for (const viewer of viewers) {
      const at = viewer.arrived.get(save.key);
      if (at === undefined) continue;
      fromSend.push(at - save.sentAt);
      fromAnswer.push(Math.max(0, at - save.doneAt));
      last = Math.max(last, at - save.sentAt);
    }
    if (Number.isFinite(last)) lastViewer.push(last);
  }
  return {
    saves: saves.length,
    expected: saves.length * viewers.length,
    delivered: fromSend.length,
    fromSend: summarize(fromSend),
    fromAnswer: summarize(fromAnswer),
    lastViewer: summarize(lastViewer),
  };
}

/** Calls `fire(i)` RATE times a second for `durationMs`, on schedule whatever the answers take (open loop). */
export async function openLoop(rate: number, durationMs: number, fire: (i: number) => Promise<void>) {
  const started = performance.now();
  const total = Math.floor((rate * durationMs) / 1000);
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(fire(i));
  }
  await Promise.all(running);
}

/** Waits until every viewer has every save, or `timeoutMs`. */
export async function settle(saves: SentSave[], viewers: Viewer[], timeoutMs = 5_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (viewers.every((v) => saves.every((s) => v.arrived.has(s.key)))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
