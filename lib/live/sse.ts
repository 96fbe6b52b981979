// The text/event-stream format (WHATWG HTML, "Server-sent events"): `id:`, `event:`, one `data:`
// line (JSON has no raw newlines), a blank line; a line starting with ":" is a comment, which
// clients ignore and proxies see as traffic.
import type { LiveEvent, PresentPerson } from "./events";

const encoder = new TextEncoder();

export function frame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A logged event: its id is the stream's Last-Event-ID from then on. */
export function eventFrame(event: LiveEvent): Uint8Array {
  return frame(event.type, event, event.id);
}

export function presenceFrame(people: PresentPerson[]): Uint8Array {
  return frame("presence", { people });
}

export const heartbeatFrame = encoder.encode(": keep-alive\n\n");

/** How long an EventSource waits before reconnecting by itself (ours reconnect with their own backoff). */
export const retryFrame = (ms: number) => encoder.encode(`retry: ${ms}\n\n`);

/** The headers of a stream: never cached, compressed or buffered on the way (docs/live.md). */
export const STREAM_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression and proxies leave the stream alone (gzip would hold it back).
  "Cache-Control": "no-store, no-transform",
  // nginx: pass each event on as it comes.
  "X-Accel-Buffering": "no",
};
