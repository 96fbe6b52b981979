import type { SegmentKind } from "./kinds";
import { countWords } from "./word-count";

export interface ParsedSegment {
  kind: SegmentKind;
  source: string;
  wordCount: number;
}

const LIST_MARKER = "- ";

/**
 * Plain text with one paragraph per line. A line starting with "- " is a list item: the marker is
 * layout, not text to translate, so it is dropped here and written back on export. Blank lines
 * separate nothing and are skipped; everything else is kept exactly (no trimming inside the text).
 */
export function parseLinesText(text: string, lang = "uk"): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/)) {
    const line = raw.normalize("NFC");
    if (line.trim() === "") continue;
    const isItem = line.startsWith(LIST_MARKER);
    const source = isItem ? line.slice(LIST_MARKER.length) : line;
    segments.push({ kind: isItem ? "list_item" : "paragraph", source, wordCount: countWords(source, lang) });
  }
  return segments;
}
