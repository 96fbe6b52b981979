// One client's stream of a document's events. In order: `retry`, `hello` (the stream's connection id
// for presence pings), then what it missed since its Last-Event-ID, or a `resync` when the log no
// longer holds all of that (or never did), then who is present, then everything live, with a
// comment line every heartbeat so proxies keep the connection open. Each heartbeat also asks again
// whether the caller may still read the document (a member removed, a token revoked): if not, the
// stream ends. A client that cannot keep up (more than MAX_BACKLOG_BYTES waiting) is cut off; it
// reconnects and catches up from the log.
import { randomUUID } from "node:crypto";
import { documentEventsAfter, isComplete, logBounds, MAX_CATCH_UP } from "./event-log";
import type { Frame } from "./hub";
import { leavePresence, presenceOf } from "./presence";
import type { LiveRuntime } from "./runtime";
import { eventFrame, frame, heartbeatFrame, presenceFrame, retryFrame } from "./sse";

export const HEARTBEAT_MS = 20_000;
const RETRY_MS = 3_000;
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

export interface StreamRequest {
  documentId: string;
  /** The last event the client has (Last-Event-ID); null for "from now on". */
  after: number | null;
  /** Whether the caller may still read the document; asked at every heartbeat. */
  stillAllowed?: () => Promise<boolean>;
  heartbeatMs?: number;
  /** Ends the stream (the request was aborted). */
  signal?: AbortSignal;
}

export function openEventStream(live: LiveRuntime, request: StreamRequest): ReadableStream<Uint8Array> {
  const { hub, sql } = live;
  const connection = randomUUID();
  const heartbeatMs = request.heartbeatMs ?? HEARTBEAT_MS;
  let lastSent = 0;
  let ready = false;
  let buffered: Frame[] = [];
  let finished = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | null = null;

  const stream = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const send = (bytes: Uint8Array) => {
          if (finished) return;
          if ((controller.desiredSize ?? 0) < -MAX_BACKLOG_BYTES) {
            end();
            return;
          }
          controller.enqueue(bytes);
        };
        // A batch goes out as one chunk: one write per stream, however many events a turn logged.
        const sendEvents = (frames: Frame[]) => {
          const fresh = frames.filter((f) => f.id > lastSent);
          if (fresh.length === 0) return;
          send(fresh.length === 1 ? fresh[0].bytes : concatBytes(fresh.map((f) => f.bytes)));
          lastSent = fresh[fresh.length - 1].id;
        };
        const end = () => {
          if (finished) return;
          finish();
          try {
            controller.close();
          } catch {
            // Already closed or cancelled by the client.
          }
        };

        request.signal?.addEventListener("abort", end, { once: true });
        // Listen first, then read: whatever is logged meanwhile arrives either way, and sendEvents
        // drops what was sent already.
        unsubscribe = hub.subscribe(request.documentId, {
          events(frames) {
            if (ready) sendEvents(frames);
            else buffered.push(...frames);
          },
          presence(bytes) {
            if (ready) send(bytes);
          },
          close: end,
        });
        try {
          await hub.ready();
          const bounds = await logBounds(sql);
          let resync: "too_old" | "unknown" | "too_many" | null = null;
          let missed: Awaited<ReturnType<typeof documentEventsAfter>> = [];
          const after = request.after;
          if (after === null) lastSent = bounds.newest;
          else if (!isComplete(bounds, after)) resync = after > bounds.newest ? "unknown" : "too_old";
          else {
            missed = await documentEventsAfter(sql, request.documentId, after);
            if (missed.length > MAX_CATCH_UP) resync = "too_many";
            lastSent = after;
          }
          if (resync) lastSent = bounds.newest;
          if (finished) return;
          send(retryFrame(RETRY_MS));
          send(frame("hello", { connection, lastEventId: resync ? bounds.newest : lastSent, heartbeatMs }));
          if (resync) send(frame("resync", { lastEventId: bounds.newest, reason: resync }, bounds.newest));
          else sendEvents(missed.map((e) => ({ id: e.id, bytes: eventFrame(e) })));
          ready = true;
          sendEvents(buffered);
          buffered = [];
          send(presenceFrame(await presenceOf(sql, request.documentId)));
        } catch (error) {
          console.error("live: a stream could not start", error);
          end();
          return;
        }
        heartbeat = setInterval(() => {
          send(heartbeatFrame);
          request.stillAllowed?.().then(
            (allowed) => {
              if (!allowed) end();
            },
            () => {}, // a failing check (the database away) is no reason to drop a reader
          );
        }, heartbeatMs);
        heartbeat.unref?.();
      },
      cancel() {
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );

  function finish() {
    if (finished) return;
    finished = true;
    unsubscribe();
    if (heartbeat) clearInterval(heartbeat);
    // The tab is gone: others see it leave now rather than when it would have expired.
    hub.track(
      leavePresence(sql, connection).then((documentId) => (documentId ? hub.announcePresence(documentId) : undefined)),
    );
  }

  return stream;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
