export interface Anchor {
  start: number;
  end: number;
  /** The words the note was made on. */
  text: string;
}

/**
 * Where an anchored span is in `text` now. The offsets are tried first; if the words moved (text was
 * typed before them), the occurrence of the quoted words nearest the old place is taken. If the
 * words are gone, null: the note then says "text changed" rather than point at the wrong words.
 */
export function reanchor(text: string, anchor: Anchor): { start: number; end: number } | null {
  if (!anchor.text) return null;
  if (text.slice(anchor.start, anchor.end) === anchor.text) return { start: anchor.start, end: anchor.end };
  let best: number | null = null;
  for (let i = text.indexOf(anchor.text); i >= 0; i = text.indexOf(anchor.text, i + 1)) {
    if (best === null || Math.abs(i - anchor.start) < Math.abs(best - anchor.start)) best = i;
  }
  return best === null ? null : { start: best, end: best + anchor.text.length };
}

export interface Span {
  start: number;
  end: number;
  id: string;
}

/** Cuts text into pieces, each marked with the ids of the spans covering it (spans may overlap). */
export function splitBySpans(text: string, spans: Span[]): { text: string; ids: string[] }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { text: string; ids: string[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    pieces.push({
      text: text.slice(from, to),
      ids: spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.id),
    });
  }
  return pieces;
}
