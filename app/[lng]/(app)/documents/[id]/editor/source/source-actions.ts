"use server";
// The source history of a paragraph and undo, for the editor (the API has no route for these).

import { runAction } from "@/app/_lib/run-action";
import { sourceHistory } from "@/lib/segments/source-history";
import { undoEvent } from "@/lib/segments/undo";

export async function sourceHistoryAction(segmentId: string) {
  return runAction(({ actor, db }) => sourceHistory(db, actor, segmentId));
}

export async function undoAction(eventId: string) {
  return runAction(({ actor, db }) => undoEvent(db, actor, eventId));
}
