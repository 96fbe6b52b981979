// Benchmark data for terminology: a 10,000-entry glossary and 70-word paragraphs, from the demo
// document's own words (so stems, lengths and hit rates are those of real Ukrainian text) plus
// generated Ukrainian-looking words to reach the size, and the demo glossary's real terms.
import { readFileSync } from "node:fs";
import path from "node:path";
import { tokenize } from "../lib/terms/tokenize";
import type { RecognitionEntry } from "../lib/terms/types";

const SYLLABLES =
  "ба ва да за ка ла ма на па ра са та ко мо но по ро со то ні рі сі ті ли ми ни ди ви жу чу щу дер жав ник ськ ння цій ція".split(
    " ",
  );
const ENDINGS = ["а", "ий", "е", "ість", "ення", "ник", "ство", "ій", "о", ""];

/** A deterministic pseudo-random generator, so every run measures the same glossary. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function demoText(): string {
  return readFileSync(path.resolve("prisma/seed/civil-service-kz.uk.txt"), "utf8");
}

/** 70-word paragraphs cut from the demo document (as many as it holds, cycling). */
export function paragraphs(count: number, words = 70): string[] {
  const text = demoText().replace(/\n/g, " ");
  const tokens = tokenize(text, "uk");
  const out: string[] = [];
  for (let i = 0; out.length < count; i = (i + 37) % Math.max(1, tokens.length - words)) {
    const first = tokens[i];
    const last = tokens[Math.min(tokens.length - 1, i + words - 1)];
    out.push(text.slice(first.start, last.end));
  }
  return out;
}

export function glossary(size: number): RecognitionEntry[] {
  const next = random(15);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  // The document's content words (function words are no glossary's terms).
  const real = [...new Set(tokenize(demoText(), "uk").map((t) => t.text.toLowerCase()))].filter((w) => w.length > 5);
  const fake = () => `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(ENDINGS)}`;
  const seen = new Set<string>();
  const entries: RecognitionEntry[] = [];
  const add = (term: string) => {
    if (seen.has(term)) return;
    seen.add(term);
    const n = entries.length;
    entries.push({
      id: `e${n}`,
      term,
      sourceLang: "uk",
      caseSensitive: n % 50 === 0,
      translations: [
        { lang: "en", term: `term ${n} en`, status: n % 7 === 0 ? "forbidden" : "preferred" },
        { lang: "kk", term: `термин ${n}`, status: "preferred" },
      ],
    });
  };
  for (const t of ["державна служба", "Регіональний хаб", "Агентство у справах державної служби", "круглий стіл"])
    add(t);
  while (entries.length < size) {
    const words = 1 + Math.floor(next() * 3);
    // Some words are the document's own, so terms are found at a realistic rate (a few per paragraph).
    add(Array.from({ length: words }, () => (next() < 0.02 ? pick(real) : fake())).join(" "));
  }
  return entries;
}
