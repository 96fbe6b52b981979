// Which parser reads a file: its extension says what it claims to be, its first bytes confirm it
// (a zip is not text, XML must be TMX or XLIFF, and an .xlf says its XLIFF version itself).
import { decodeText } from "./decode-text";
import { importError } from "./errors";
import type { ImportFormat } from "./types";

const BY_EXTENSION: Record<string, ImportFormat | "xliff" | "xml"> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  docx: "docx",
  tmx: "tmx",
  xlf: "xliff",
  xliff: "xliff",
  xml: "xml",
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
};

export const acceptedExtensions = Object.keys(BY_EXTENSION).map((e) => `.${e}`);

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);

/** The XML root's name and version, read from the first few kilobytes. */
function sniffXml(bytes: Uint8Array): ImportFormat | null {
  let head: string;
  try {
    head = decodeText(bytes.subarray(0, 8192)).text;
  } catch {
    return null;
  }
  // Skip the declaration, comments and processing instructions to the root element's start tag.
  const root = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""));
  if (!root) return null;
  const name = root[1].replace(/^.*:/, "");
  if (name === "tmx") return "tmx";
  if (name !== "xliff") return null;
  const version = /\bversion\s*=\s*["']([^"']+)["']/.exec(root[2])?.[1];
  if (version?.startsWith("2.") || root[2].includes("urn:oasis:names:tc:xliff:document:2.")) return "xliff20";
  return "xliff12";
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = extensionOf(fileName);
  const claimed = BY_EXTENSION[ext];
  const unsupported = () =>
    importError("unsupported_type", `Files of type "${ext ? `.${ext}` : fileName}" cannot be imported.`, {
      extension: ext,
    });
  if (!claimed) throw unsupported();
  if (bytes.byteLength === 0) throw importError("empty", "The file is empty.");
  if (claimed === "docx") return "docx";
  // A zip (a renamed .docx, .xlsx, .odt…) is not text, whatever its name says.
  if (isZip(bytes)) throw unsupported();
  if (claimed === "xliff" || claimed === "xml" || claimed === "tmx") {
    const sniffed = sniffXml(bytes);
    if (sniffed) return sniffed;
    if (claimed === "xml") throw unsupported();
    // Let the XML parser say what is wrong with it (malformed, DOCTYPE…).
    return claimed === "tmx" ? "tmx" : "xliff12";
  }
  return claimed;
}
