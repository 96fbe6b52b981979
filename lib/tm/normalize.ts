// The text the memory compares: Unicode NFC, every run of white space (no-break and thin spaces
// too) one space, no invisible characters, nothing at either end. Hashes of it find identical
// sources (exact lookup, one unit per source text) and context (the previous and next sentence).
import { createHash } from "node:crypto";
import { normalizeText } from "./normalize-text";

export { normalizeText };

/** 22 characters (132 bits) of the SHA-256 of text already normalised. */
export function normalizedHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("base64url").slice(0, 22);
}

/** The hash of the normalised text. */
export const textHash = (text: string): string => normalizedHash(normalizeText(text));

/** The context hash of a missing neighbour (the start or end of a document). */
export const EDGE_HASH = "";

export const contextHash = (text: string | null | undefined): string => (text == null ? EDGE_HASH : textHash(text));

/** Lower case, one code unit for one code unit, so that offsets in the folded text are offsets in the text. */
export function foldCase(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const lower = text[i].toLowerCase();
    out += lower.length === 1 ? lower : text[i];
  }
  return out;
}
