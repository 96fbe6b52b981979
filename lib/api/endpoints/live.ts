// Endpoints of live updates: a document's event stream (server-sent events) and a tab's presence
// ping. How the stream works, its bounds and its transport: docs/live.md.

import { z } from "zod";
import { documentEvents, pingDocument } from "../../live/document-live";
import { LOG_MAX_AGE_MS, LOG_MAX_ROWS, MAX_CATCH_UP } from "../../live/event-log";
import { HEARTBEAT_MS } from "../../live/event-stream";
import { liveEventTypes } from "../../live/events";
import { PRESENCE_TTL_MS } from "../../live/presence";
import { STREAM_HEADERS } from "../../live/sse";
import { PresenceInput } from "../../live/validation";
import { ApiReply, defineEndpoint } from "../endpoint";
import { PresenceAnswer } from "../schemas/live";
import { DocumentParams } from "./params";

const hours = LOG_MAX_AGE_MS / 3_600_000;

export const documentEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/events",
  operationId: "documentEvents",
  summary: "Live events of a document (server-sent events)",
  description:
    "A `text/event-stream` that stays open. It starts with `event: hello` (LiveHello: the stream's `connection`, " +
    "for presence pings), then what happened after the `Last-Event-ID` header (or `lastEventId` query) if one is " +
    `sent, then \`event: presence\` (LivePresence), then every event as it happens: ${liveEventTypes.map((t) => `\`${t}\``).join(", ")} ` +
    "(LiveEvent; each has an SSE `id:`). Payloads carry ids and versions, not text: read what you need (the " +
    "translation, the paragraph's notes). The log keeps events for " +
    `${hours} hours and at most the newest ${LOG_MAX_ROWS.toLocaleString("en")}; when it no longer holds everything after ` +
    `the id you send (or more than ${MAX_CATCH_UP} events are missed, or the id is unknown), \`event: resync\` (LiveResync) ` +
    "tells you to read again what you show, and the stream goes on from the newest event. A comment line " +
    `(\`: keep-alive\`) comes every ${HEARTBEAT_MS / 1000} s; at each, the stream ends if you may no longer read the ` +
    "document. Open to every member of the document's project, viewers included.",
  tags: ["live"],
  params: DocumentParams,
  query: z.object({
    lastEventId: z
      .string()
      .optional()
      .describe("The last event you have, when you cannot send the Last-Event-ID header (a new EventSource)"),
  }),
  files: {
    description: "The stream (never cached, compressed or buffered: `Cache-Control: no-store, no-transform`)",
    types: { "text/event-stream": "Server-sent events, UTF-8; `data:` lines are JSON" },
  },
  refusals: [400, 404],
  async handler({ db, actor, params, query, request }) {
    const stream = await documentEvents(db, actor, params.id, {
      lastEventId: request.headers.get("last-event-id") ?? query.get("lastEventId"),
      headers: () => request.webHeaders(),
      signal: request.signal,
    });
    return new ApiReply<never>(200, { raw: stream }, STREAM_HEADERS);
  },
});

export const presenceEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/v1/documents/{id}/presence",
  operationId: "pingPresence",
  summary: "Say that your tab has the document open, and which paragraph it is editing",
  description:
    "Name the `connection` your event stream's hello gave. Send it again every `pingEveryMs` (and whenever you move " +
    `to another paragraph): a tab not heard from for ${PRESENCE_TTL_MS / 1000} s is no longer shown, and closing its ` +
    "stream removes it at once. Presence is only shown to others; it never locks a paragraph.",
  tags: ["live"],
  params: DocumentParams,
  body: { json: PresenceInput },
  response: { schema: PresenceAnswer, description: "Noted" },
  refusals: [400, 404],
  async handler({ db, actor, params, body }) {
    return pingDocument(db, actor, params.id, body);
  },
});
