// The two requests of the live layer, checked like any other: a document's event stream, and a
// tab's presence ping. Both are open to whoever may read the document (viewers included); someone
// else gets the same 404 as for a document that does not exist.
import { requireDocument } from "../auth/access";
import { type Actor, actorFromHeaders } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { newestDocumentEventId } from "./event-log";
import { openEventStream } from "./event-stream";
import { PING_EVERY_MS, PRESENCE_TTL_MS, pingPresence } from "./presence";
import { liveFor } from "./runtime";
import { PresenceInput } from "./validation";

const EVENT_ID = /^\d{1,15}$/;

/** Last-Event-ID (header or query): an event id, or nothing. */
export function parseEventId(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  if (!EVENT_ID.test(raw.trim())) throw new AppError("invalid_input", { field: "lastEventId", reason: "bad_event_id" });
  return Number(raw.trim());
}

export interface EventsRequest {
  lastEventId: string | null;
  /** The request's headers, to ask again at each heartbeat who is asking. */
  headers: () => Headers;
  signal?: AbortSignal;
  heartbeatMs?: number;
}

export async function documentEvents(db: Db, actor: Actor, documentId: string, request: EventsRequest) {
  await requireDocument(db, actor, documentId, "project.read");
  const after = parseEventId(request.lastEventId);
  return openEventStream(liveFor(db), {
    documentId,
    after,
    signal: request.signal,
    heartbeatMs: request.heartbeatMs,
    // The same caller (session not ended, token not revoked), still a member.
    async stillAllowed() {
      const again = await actorFromHeaders(db, request.headers());
      if (!again || again.userId !== actor.userId) return false;
      return requireDocument(db, again, documentId, "project.read").then(
        () => true,
        () => false,
      );
    },
  });
}

/** A tab says it is still here, and where. Answers the document's newest event, to notice a stale stream. */
export async function pingDocument(db: Db, actor: Actor, documentId: string, raw: unknown) {
  await requireDocument(db, actor, documentId, "project.read");
  const input = parseInput(PresenceInput, raw);
  const live = liveFor(db);
  const segmentId = input.segmentId ?? null;
  const { changed } = await pingPresence(live.sql, {
    connection: input.connection,
    documentId,
    userId: actor.userId,
    segmentId,
    lang: segmentId ? (input.lang ?? null) : null,
  });
  if (changed) await live.hub.announcePresence(documentId);
  return {
    lastEventId: await newestDocumentEventId(live.sql, documentId),
    pingEveryMs: PING_EVERY_MS,
    expiresAfterMs: PRESENCE_TTL_MS,
  };
}
