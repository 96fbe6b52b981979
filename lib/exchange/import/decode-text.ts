// Bytes to text for plain-text formats: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one,
// valid UTF-8 is UTF-8 and anything else is read as Windows-1251, the usual legacy Cyrillic encoding.
import { importError } from "./errors";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  let decoded: DecodedText;
  if (bom) {
    // The decoder drops the BOM itself (ignoreBOM is false by default).
    try {
      decoded = { text: new TextDecoder(bom, { fatal: true }).decode(bytes), encoding: bom };
    } catch {
      throw importError(
        "not_text",
        `The file starts with a ${bom.toUpperCase()} byte order mark but is not valid ${bom.toUpperCase()}.`,
      );
    }
  } else {
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      decoded = { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
    }
  }
  // NUL never occurs in text: this is a binary file (or UTF-16 without a BOM, which we do not guess).
  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) throw importError("not_text", "The file is not text (it contains NUL bytes).");
  return decoded;
}

/** CRLF and CR become LF, as XML and every editor treat them. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
