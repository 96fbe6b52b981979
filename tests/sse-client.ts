// Reads a text/event-stream the way a browser's EventSource does (fields id, event, data; comment
// lines kept apart, since EventSource drops them and the heartbeat tests need to see them), for
// tests of the live stream against a route, the production server or a hub.

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the event carried.
  json: any;
}

export class SseReader {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  private buffer = "";
  private waiters: (() => void)[] = [];
  private done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
    void this.pump();
  }

  get closed() {
    return this.done;
  }

  private async pump() {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        this.parse();
      }
    } catch {
      // cancelled or cut off: the stream is over either way
    }
    this.done = true;
    this.notify();
  }

  private parse() {
    for (let end = this.buffer.indexOf("\n\n"); end >= 0; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message: Partial<SseMessage> = {};
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
        else if (line.startsWith("id: ")) message.id = line.slice(4);
        else if (line.startsWith("event: ")) message.event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (data.length > 0) {
        const text = data.join("\n");
        this.messages.push({ ...message, event: message.event ?? "message", data: text, json: JSON.parse(text) });
      }
    }
    this.notify();
  }

  private notify() {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** The first message (from the start) that matches, waiting for it up to `timeoutMs`. */
  async next(match: (m: SseMessage) => boolean, timeoutMs = 10_000, from = 0): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.done) throw new Error(`stream ended before the message; got ${this.describe()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such message within ${timeoutMs} ms; got ${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the stream has ended (up to `timeoutMs`). */
  async ended(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.done) {
      if (Date.now() > deadline) throw new Error("the stream is still open");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Messages of one event type, in order. */
  of(event: string): SseMessage[] {
    return this.messages.filter((m) => m.event === event);
  }

  describe(): string {
    return JSON.stringify(this.messages.map((m) => `${m.id ?? "-"} ${m.event}`));
  }

  async cancel() {
    await this.reader.cancel().catch(() => {});
  }
}
