// Paragraph text from a source-only file, made fit to store: NFC, and no control characters other
// than tab and newline (form feeds and the like are page layout left over from other programs).
import type { SegmentKind } from "../../segments/kinds";

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const LAYOUT_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function cleanSource(text: string): string {
  return text.replace(LAYOUT_CONTROL, "").normalize("NFC");
}

export interface SourceParagraph {
  kind: SegmentKind;
  source: string;
}

/** Adds a paragraph unless it is blank after cleaning. */
export function pushParagraph(out: SourceParagraph[], kind: SegmentKind, text: string) {
  const source = cleanSource(text);
  if (source.trim() !== "") out.push({ kind, source });
}
