// Citations in a text: bracketed numeric references ([53], [1–3], [52, с. 5], [4; 7, т. 2, с. 12])
// and the project's own patterns. Each gets a canonical form that ignores what a translation
// legitimately changes: the page abbreviation's language (с. → p. / б.), dashes, spacing.
import { RE2JS } from "re2js";
import { baseLang, type QaSettings } from "./settings";
import type { Range } from "./types";

export interface Citation extends Range {
  raw: string;
  canonical: string;
  /** Bracketed numeric style: its locator words can be rewritten for another language. */
  bracketed: boolean;
}

// A bracket of up to 200 characters on one line, then its content: a number, then digits, spaces,
// punctuation and whole short abbreviations. Two steps, and no way to split a run of letters two
// ways: a pattern like (\p{L}{1,6})* backtracks exponentially on "[53 долгий текст" with no "]".
const BRACKET = /\[[^[\]\n]{1,200}\]/g;
const CITATION_CONTENT = /^\[\s*[0-9]+(?:[\s0-9,;:.–—‒-]|\p{L}{1,6}(?!\p{L})|№)*\]$/u;

/** Locator words by meaning: p(age), v(olume), pt (part), n(umber). Compared by meaning. */
const LOCATORS: Record<string, string> = {
  с: "p",
  стор: "p",
  p: "p",
  pp: "p",
  page: "p",
  pages: "p",
  б: "p",
  бб: "p",
  бет: "p",
  s: "p",
  т: "v",
  том: "v",
  vol: "v",
  vols: "v",
  ч: "pt",
  pt: "pt",
  part: "pt",
  no: "n",
  "№": "n",
};

/** How each language writes a locator in a reference. */
const LOCATOR_WORDS: Record<string, Record<string, string>> = {
  uk: { p: "с.", v: "т.", pt: "ч.", n: "№" },
  en: { p: "p.", pp: "pp.", v: "vol.", pt: "pt.", n: "no." },
  kk: { p: "б.", v: "т.", n: "№" },
  ru: { p: "с.", v: "т.", pt: "ч.", n: "№" },
};

function canonicalBracketed(raw: string): string {
  return raw
    .slice(1, -1)
    .toLowerCase()
    .replace(/[–—‒]/g, "-")
    .replace(/\p{L}+\.?|№/gu, (w) => {
      const word = w.replace(/\.$/, "");
      return LOCATORS[word] ? `${LOCATORS[word]}` : word;
    })
    .replace(/\s+/g, "");
}

/** A user pattern's match compares by its numbers (names inside may be transliterated), else its text. */
function canonicalCustom(raw: string): string {
  const numbers = raw.match(/[0-9]+/g);
  return numbers ? `#${numbers.join(",")}` : raw.replace(/\s+/g, " ").trim().toLowerCase();
}

const compiled = new Map<string, RE2JS>();
function compile(pattern: string): RE2JS | null {
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, RE2JS.compile(pattern));
    } catch {
      return null; // the settings schema refuses such patterns; a stored one is skipped, not fatal
    }
    if (compiled.size > 200) compiled.delete(compiled.keys().next().value!);
  }
  return compiled.get(pattern) ?? null;
}

export function findCitations(text: string, settings: QaSettings): Citation[] {
  const out: Citation[] = [];
  if (settings.citations.brackets)
    for (const m of text.matchAll(BRACKET)) {
      if (!CITATION_CONTENT.test(m[0])) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        raw: m[0],
        canonical: canonicalBracketed(m[0]),
        bracketed: true,
      });
    }
  for (const pattern of settings.citations.patterns) {
    const re = compile(pattern);
    if (!re) continue;
    const matcher = re.matcher(text);
    while (matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end === start || out.some((c) => start < c.end && c.start < end)) continue;
      const raw = text.slice(start, end);
      out.push({ start, end, raw, canonical: canonicalCustom(raw), bracketed: false });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The citation as the target language writes it: "[52, с. 5–7]" → "[52, pp. 5–7]" in English. */
export function localizeCitation(citation: Citation, targetLang: string): string {
  const words = LOCATOR_WORDS[baseLang(targetLang)];
  if (!citation.bracketed || !words) return citation.raw;
  return citation.raw.replace(/(\p{L}+)\.?(\s*)([0-9]+(?:\s*[–—‒-]\s*[0-9]+)?)?/gu, (all, word, space, what) => {
    const meaning = LOCATORS[word.toLowerCase()];
    if (!meaning) return all;
    const range = meaning === "p" && what && /[–—‒-]/.test(what);
    const written = (range && words.pp) || words[meaning];
    return written ? `${written}${space || " "}${what ?? ""}`.trimEnd() : all;
  });
}
