// The live stream's messages (GET /api/v1/documents/{id}/events), named so the OpenAPI document
// describes what each `event:` carries in its `data:` line (JSON), and the presence ping's answer.
import { z } from "zod";
import {
  DecisionData,
  DocumentChangedData,
  HelloData,
  MemoryChangedData,
  NoteEventData,
  PresenceData,
  ResyncData,
  TranslationSavedData,
} from "../../live/events";
import { UserRef } from "./common";
import { DateTime, named } from "./registry";

const logged = {
  id: z.number().int().min(1).describe("The event's id, also its SSE `id:` (send it back as Last-Event-ID)"),
  documentId: z.string(),
  at: DateTime,
  by: UserRef.nullable().describe("Who did it"),
};

export const LiveEventSchema = named(
  "LiveEvent",
  z
    .discriminatedUnion("type", [
      TranslationSavedData.extend({ type: z.literal("translation.saved"), ...logged }),
      DecisionData.extend({ type: z.literal("decision"), ...logged }),
      NoteEventData.extend({ type: z.literal("note.added"), ...logged }),
      NoteEventData.extend({ type: z.literal("note.changed"), ...logged }),
      NoteEventData.extend({ type: z.literal("note.resolved"), ...logged }),
      DocumentChangedData.extend({ type: z.literal("document.changed"), ...logged }),
      MemoryChangedData.extend({ type: z.literal("memory.changed"), ...logged }),
    ])
    .describe("A logged event: the SSE `event:` is its `type`"),
);

export const LiveHello = named("LiveHello", HelloData.describe("`event: hello`, first on every stream"));
export const LiveResync = named(
  "LiveResync",
  ResyncData.describe(
    "`event: resync`: the log no longer holds everything after the Last-Event-ID sent (or never did): read what you show again",
  ),
);
export const LivePresence = named(
  "LivePresence",
  PresenceData.describe("`event: presence`: everyone with the document open now, sent on every change"),
);

export const PresenceAnswer = named(
  "PresenceAnswer",
  z.object({
    lastEventId: z.number().int().min(0).describe("The document's newest event: a stream behind it for long is stale"),
    pingEveryMs: z.number().int(),
    expiresAfterMs: z.number().int().describe("A tab not heard from this long is gone"),
  }),
);
