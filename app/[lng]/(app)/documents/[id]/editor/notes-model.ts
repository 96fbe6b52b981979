// Client-side view of notes: threads per segment, and the highlight spans they give.
import { reanchor, type Span } from "@/lib/notes/anchor";
import type { NoteView } from "@/lib/notes/notes";

export type Thread = NoteView & { replies: NoteView[]; position?: number };

export function groupBySegment(threads: Thread[]): Map<string, Thread[]> {
  const map = new Map<string, Thread[]>();
  for (const t of threads) map.set(t.segmentId, [...(map.get(t.segmentId) ?? []), t]);
  return map;
}

/** Highlights of open anchored notes on one side (and language), re-anchored against the text as it is now. */
export function spansFor(
  threads: Thread[] | undefined,
  side: "source" | "target",
  lang: string | null,
  text: string,
): Span[] {
  if (!threads) return [];
  const spans: Span[] = [];
  for (const t of threads) {
    if (t.resolved || !t.anchor || t.anchor.side !== side) continue;
    if (side === "target" && t.lang !== lang) continue;
    const at = reanchor(text, t.anchor);
    if (at) spans.push({ ...at, id: t.id });
  }
  return spans;
}

export function openCount(threads: Thread[] | undefined): number {
  return threads?.filter((t) => !t.resolved).length ?? 0;
}
