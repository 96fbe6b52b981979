import "server-only";
import type { Db } from "@/lib/db/client";
import { sourceChangesFor } from "@/lib/segments/source-changes";

/** What the editor's source tools need: "source changed" marks for the languages shown, and source versions. */
export async function sourceEditingData(db: Db, documentId: string, langs: string[]) {
  const [changes, edited] = await Promise.all([
    sourceChangesFor(db, documentId, langs),
    // Only paragraphs edited at least once are listed: the rest are at version 0.
    db.segment.findMany({ where: { documentId, version: { gt: 0 } }, select: { id: true, version: true } }),
  ]);
  return {
    changes: Object.fromEntries(changes),
    versions: Object.fromEntries(edited.map((s) => [s.id, s.version])),
  };
}
