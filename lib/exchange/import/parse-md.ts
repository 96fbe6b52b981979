// Markdown: ATX (#) and underlined headings, list items (-, *, + and 1. or 1)), and paragraphs of
// consecutive lines joined with a space. Inline markup (emphasis, links) stays in the text: it is
// the author's, and dropping it would lose it on the way back.
import { decodeText, normalizeNewlines } from "./decode-text";
import { importError } from "./errors";
import { pushParagraph, type SourceParagraph } from "./source-text";
import { type ParsedFile, sourceOnly } from "./types";

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?/;

export function parseMdText(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  const lines = normalizeNewlines(text).split("\n");
  let kind: SourceParagraph["kind"] = "paragraph";
  let parts: string[] = [];
  const flush = () => {
    if (parts.length) pushParagraph(out, kind, parts.join(" "));
    parts = [];
    kind = "paragraph";
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(QUOTE, "");
    const fence = FENCE.exec(line);
    if (fence) {
      // A code block is one paragraph, its lines kept as they are.
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i].trimStart().startsWith(fence[1])) code.push(lines[i]);
      pushParagraph(out, "paragraph", code.join("\n"));
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      pushParagraph(out, "heading", atx[2] ?? "");
      continue;
    }
    // "Text" underlined with === or --- is a heading; a lone --- is a rule.
    if (SETEXT.test(line) && parts.length && kind === "paragraph") {
      kind = "heading";
      flush();
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flush();
      kind = "list_item";
      parts.push(item[1].trim());
      continue;
    }
    parts.push(line.trim());
  }
  flush();
  return out;
}

export function parseMd(bytes: Uint8Array): ParsedFile {
  const paragraphs = parseMdText(decodeText(bytes).text);
  if (paragraphs.length === 0) throw importError("empty", "The file has no text.");
  const title = paragraphs[0].kind === "heading" ? paragraphs[0].source : null;
  return sourceOnly("md", paragraphs, title);
}
