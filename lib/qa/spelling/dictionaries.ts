// Hunspell dictionaries, loaded once per process on first use (server side: reads files).
// English: the npm packages dictionary-en (US) and dictionary-en-gb, ES modules with top-level
// await — `import()` loads them on Node 20; `require()` cannot (ERR_REQUIRE_ASYNC_MODULE).
// Other languages: the system's Hunspell folder (Debian: hunspell-kk → kk_KZ.aff/.dic), or
// PARALLEL_HUNSPELL_DIR. Without the files, a language's spelling is unavailable, and says so.
import { readFile } from "node:fs/promises";
import path from "node:path";
import nspell from "nspell";
import { type AffixSpeller, parseAffixDictionary } from "./affix-speller";
import type { Dictionary } from "./speller";

type Loaded = { aff: string | Uint8Array; dic: string | Uint8Array };

const PACKAGES: Record<string, () => Promise<Loaded>> = {
  "en-US": async () => (await import("dictionary-en")).default,
  "en-GB": async () => (await import("dictionary-en-gb")).default,
};

/** System dictionaries by language: file stem under the Hunspell folder, and whether it is thin. */
const SYSTEM: Record<string, { file: string; limited: boolean; apt: string }> = {
  "kk-KZ": { file: "kk_KZ", limited: true, apt: "hunspell-kk" },
  "uk-UA": { file: "uk_UA", limited: false, apt: "hunspell-uk" },
  "ru-RU": { file: "ru_RU", limited: false, apt: "hunspell-ru" },
};

/** Which dictionaries serve a target language; English takes both spellings unless told. */
export function dictionaryIds(lang: string, englishSpelling: "us" | "gb" | "either" = "either"): string[] {
  const [base, region] = lang.split("-");
  const b = base.toLowerCase();
  if (b === "en") {
    if (region?.toUpperCase() === "US" || englishSpelling === "us") return ["en-US"];
    if (region?.toUpperCase() === "GB" || englishSpelling === "gb") return ["en-GB"];
    return ["en-US", "en-GB"];
  }
  if (/-latn/i.test(lang)) return [];
  const id = Object.keys(SYSTEM).find((k) => k.startsWith(`${b}-`));
  return id ? [id] : [];
}

export const hunspellDir = () => process.env.PARALLEL_HUNSPELL_DIR || "/usr/share/hunspell";

export type DictionaryResult =
  | { ok: true; dictionary: Dictionary }
  | { ok: false; reason: "not_installed"; file: string; apt: string };

// Debian's files start with a byte-order mark and use CRLF; nspell reads neither.
const clean = (text: string) => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

/** The endings nspell's parsed rules add. */
function nspellSuffixes(spell: ReturnType<typeof nspell>): Set<string> {
  const suffixes = new Set<string>();
  const rules = (spell as unknown as { rules: Record<string, { type: string; entries: { add: string }[] }> }).rules;
  for (const rule of Object.values(rules))
    if (rule.type === "SFX") for (const e of rule.entries) if (e.add) suffixes.add(e.add.toLowerCase());
  return suffixes;
}

type Spell = Pick<AffixSpeller, "correct" | "suggest" | "suffixes">;

function build(id: string, spell: Spell, limited: boolean): Dictionary {
  const { suffixes } = spell;
  // Texts repeat their words: remember answers (the dictionary never changes), up to a bound.
  const known = new Map<string, boolean>();
  const correct = (w: string) => {
    let answer = known.get(w);
    if (answer === undefined) {
      answer = spell.correct(w);
      if (known.size >= 200_000) known.clear();
      known.set(w, answer);
    }
    return answer;
  };
  return {
    id,
    correct,
    suggest: (w) => spell.suggest(w),
    suffixes,
    longestSuffix: Math.max(0, ...[...suffixes].map((s) => s.length)),
    limited,
    script: id.startsWith("en") ? "Latin" : "Cyrillic",
  };
}

function fromNspell(spell: ReturnType<typeof nspell>): Spell {
  return { correct: (w) => spell.correct(w), suggest: (w) => spell.suggest(w), suffixes: nspellSuffixes(spell) };
}

async function load(id: string, dir: string): Promise<DictionaryResult> {
  const pkg = PACKAGES[id];
  if (pkg) {
    const { aff, dic } = await pkg();
    const spell = nspell({ aff: Buffer.from(aff), dic: Buffer.from(dic) });
    return { ok: true, dictionary: build(id, fromNspell(spell), false) };
  }
  const system = SYSTEM[id];
  const file = path.join(dir, system.file);
  let aff: string;
  let dic: string;
  try {
    [aff, dic] = await Promise.all([readFile(`${file}.aff`, "utf8"), readFile(`${file}.dic`, "utf8")]);
  } catch {
    return { ok: false, reason: "not_installed", file: `${file}.dic`, apt: system.apt };
  }
  // A flat suffix dictionary (Kazakh) is checked at lookup time: loading it takes ~0.2 s and a few MB
  // instead of nspell's expansion of every form (~3 s, ~180 MB). Anything richer goes to nspell.
  const [affText, dicText] = [clean(aff), clean(dic)];
  const spell = parseAffixDictionary(affText, dicText) ?? fromNspell(nspell(affText, dicText));
  return { ok: true, dictionary: build(id, spell, system.limited) };
}

const cache = new Map<string, Promise<DictionaryResult>>();

/** The dictionary `id` ("en-US", "kk-KZ" …), loaded on first call and kept for the process. */
export function loadDictionary(id: string, dir = hunspellDir()): Promise<DictionaryResult> {
  const key = `${id}\u0000${dir}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = load(id, dir);
    cache.set(key, entry);
    // A missing file may be installed later (apt-get install hunspell-kk): don't remember the absence.
    entry.then((r) => r.ok || cache.delete(key)).catch(() => cache.delete(key));
  }
  return entry;
}

/**
 * Loads the dictionaries of our target languages (English, Kazakh) in the background, so the first
 * check as someone types does not wait for them (others load on first use). Failures stay quiet:
 * the check itself says when a dictionary is missing.
 */
export function warmDictionaries(dir = hunspellDir()): void {
  for (const id of ["en-US", "en-GB", "kk-KZ"]) loadDictionary(id, dir).catch(() => {});
}
