// Telling open editors that a memory changed: every project that reads the memory (its own and
// those it is attached to) has its open documents sent `memory.changed` (lib/live/events.ts), so a
// match panel shows a unit confirmed a moment ago by someone else without a reload. Only documents
// open now are told (the Presence table): a document opened later asks for matches anyway.
import type { Db } from "../db/client";
import { openDocumentsOf } from "../live/presence";
import { liveFor, publishLive } from "../live/runtime";
import { projectsUsingMemory } from "./memories";

export async function announceMemoryChange(
  db: Db,
  change: { memoryId: string; lang: string; segmentId: string | null; actorId: string | null },
): Promise<number> {
  const projects = await projectsUsingMemory(db, change.memoryId);
  const documents = await openDocumentsOf(liveFor(db).sql, projects);
  const data = { memoryId: change.memoryId, lang: change.lang, segmentId: change.segmentId };
  await Promise.all(
    documents.map((documentId) =>
      publishLive(db, { type: "memory.changed", documentId, actorId: change.actorId, data }),
    ),
  );
  return documents.length;
}
