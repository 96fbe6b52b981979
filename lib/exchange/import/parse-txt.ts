// Plain text: one paragraph per line, or one per block of lines separated by blank lines (text
// wrapped at a fixed width). Which one is decided from the text itself; lines starting "- ", "* "
// or "• " are list items either way, and the marker is layout, not text to translate.
import { decodeText, normalizeNewlines } from "./decode-text";
import { importError } from "./errors";
import { pushParagraph, type SourceParagraph } from "./source-text";
import { type ParsedFile, sourceOnly } from "./types";

const LIST_MARKER = /^(?:[-*•]) /;
// A line ending like this ends a sentence: paragraphs kept one per line nearly always do.
const SENTENCE_END = /[.!?:;…»"”)\]]\s*$/;

export type TxtLayout = "lines" | "blocks";

function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/**
 * Blocks when blank lines separate several blocks, some of several lines, and those lines look
 * wrapped: most of them (list items aside) do not end a sentence. A file of one paragraph per line
 * with an occasional blank line between sections stays one paragraph per line.
 */
export function detectLayout(lines: string[]): TxtLayout {
  const blocks = splitBlocks(lines);
  if (blocks.length < 2) return "lines";
  const inner = blocks
    .filter((b) => b.length > 1)
    .flatMap((b) => b.slice(0, -1).filter((line, i) => !LIST_MARKER.test(line) && !LIST_MARKER.test(b[i + 1])));
  if (inner.length === 0) return "lines";
  const ended = inner.filter((line) => SENTENCE_END.test(line)).length;
  return ended / inner.length < 0.5 ? "blocks" : "lines";
}

function fromLines(lines: string[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const marker = LIST_MARKER.exec(line);
    pushParagraph(out, marker ? "list_item" : "paragraph", marker ? line.slice(marker[0].length) : line);
  }
  return out;
}

/** In a block, wrapped lines join with one space; a list marker starts a new item. */
function fromBlocks(lines: string[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (const block of splitBlocks(lines)) {
    let kind: SourceParagraph["kind"] = "paragraph";
    let parts: string[] = [];
    const flush = () => {
      if (parts.length) pushParagraph(out, kind, parts.join(" "));
      parts = [];
    };
    for (const line of block) {
      const marker = LIST_MARKER.exec(line);
      if (marker) {
        flush();
        kind = "list_item";
        parts.push(line.slice(marker[0].length).trim());
      } else parts.push(line.trim());
    }
    flush();
  }
  return out;
}

export function parseTxtText(text: string): { layout: TxtLayout; paragraphs: SourceParagraph[] } {
  const lines = normalizeNewlines(text).split("\n");
  const layout = detectLayout(lines);
  return { layout, paragraphs: layout === "blocks" ? fromBlocks(lines) : fromLines(lines) };
}

export function parseTxt(bytes: Uint8Array): ParsedFile {
  const { paragraphs } = parseTxtText(decodeText(bytes).text);
  if (paragraphs.length === 0) throw importError("empty", "The file has no text.");
  return sourceOnly("txt", paragraphs);
}
