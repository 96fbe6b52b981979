// Word documents: the zip is checked first (zip-guard), then mammoth reads it into its document
// model, from which every non-empty paragraph is taken in order (tables included): a Heading or
// Title style makes a heading, numbering or a list style makes a list item.
import mammoth from "mammoth";
import { importError } from "./errors";
import { pushParagraph, type SourceParagraph } from "./source-text";
import { type ParsedFile, sourceOnly } from "./types";
import { checkZip } from "./zip-guard";

interface DocNode {
  type: string;
  value?: string;
  breakType?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  children?: DocNode[];
}

// English style names and ids, and the names Ukrainian, Russian and Kazakh Word gives them.
const HEADING = /^(?:heading|заголовок|тақырып|title|subtitle|назва|подзаголовок|підзаголовок)\s*\d*$/i;
const LIST = /^(?:list|список|перелік|тізім)/i;

function runText(node: DocNode): string {
  switch (node.type) {
    case "text":
      return node.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return node.breakType === "line" || !node.breakType ? "\n" : "";
    default:
      return (node.children ?? []).map(runText).join("");
  }
}

function kindOf(p: DocNode): SourceParagraph["kind"] {
  const style = [p.styleName ?? "", p.styleId ?? ""];
  if (style.some((s) => HEADING.test(s.replace(/(\D)(\d)$/, "$1 $2")))) return "heading";
  if (p.numbering || style.some((s) => LIST.test(s))) return "list_item";
  return "paragraph";
}

function collect(node: DocNode, out: SourceParagraph[]) {
  if (node.type === "paragraph") {
    pushParagraph(out, kindOf(node), runText(node));
    return;
  }
  for (const child of node.children ?? []) collect(child, out);
}

export async function parseDocx(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength === 0) throw importError("empty", "The file is empty.");
  const parts = await checkZip(bytes);
  if (!parts.includes("word/document.xml")) throw importError("not_docx", "The zip archive is not a Word document.");
  const paragraphs: SourceParagraph[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        transformDocument: (doc: DocNode) => {
          collect(doc, paragraphs);
          return doc;
        },
      },
    );
  } catch {
    throw importError("not_docx", "The Word document could not be read.");
  }
  if (paragraphs.length === 0) throw importError("empty", "The document has no text.");
  return sourceOnly("docx", paragraphs);
}
