// The normalised text alone, without the hashes (normalize.ts): the browser compares sources with it
// too (repetitions in the editor), and node:crypto does not go there.

// Zero-width space/joiners, word joiner, BOM, soft hyphen: they change no word a reader sees.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}
