// Bytes to text for plain-text formats: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one,
// valid UTF-8 is UTF-8 and anything else is read as Windows-1251, the usual legacy Cyrillic encoding.
import { isUtf8 } from "node:buffer";
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
  const pieces: string[] = [];
  const decoding = decodePieces(bytes);
  for (let next = decoding.next(); ; next = decoding.next()) {
    if (next.done) return { text: pieces.join(""), encoding: next.value };
    pieces.push(next.value);
  }
}

const PIECE_BYTES = 1024 * 1024;

// NUL never occurs in text: this is a binary file (or UTF-16 without a BOM, which we do not guess).
const notText = () => importError("not_text", "The file is not text (it contains NUL bytes).");

/**
 * The same decoding as decodeText, a megabyte at a time: a large file is never held as one string
 * next to its bytes. Yields the text in pieces (a character is never split between two).
 */
export function* decodePieces(bytes: Uint8Array): Generator<string, TextEncodingName> {
  const encoding = bomEncoding(bytes) ?? (isUtf8(bytes) ? "utf-8" : "windows-1251");
  // The decoder drops a BOM itself (ignoreBOM is false by default).
  const decoder = new TextDecoder(encoding, { fatal: encoding !== "windows-1251" });
  for (let at = 0; at <= bytes.byteLength; at += PIECE_BYTES) {
    const last = at + PIECE_BYTES > bytes.byteLength;
    let piece: string;
    try {
      piece = decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: !last });
    } catch {
      throw importError(
        "not_text",
        `The file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}.`,
      );
    }
    if (piece.includes("\u0000")) throw notText();
    if (piece) yield piece;
  }
  return encoding;
}

/** CRLF and CR become LF, as XML and every editor treat them. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
