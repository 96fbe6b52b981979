// The server entry point of quality checks: loads the spelling dictionaries (once per process, on
// first use) and runs the pure checks of run.ts / document.ts. Routes and actions call these.
import { type DocumentInput, type DocumentResult, runDocumentChecks } from "./document";
import { type RunEnv, runChecks } from "./run";
import { baseLang, type QaSettings, resolveQaSettings } from "./settings";
import { dictionaryIds, hunspellDir, loadDictionary } from "./spelling/dictionaries";
import { type Dictionary, makeSpeller } from "./spelling/speller";
import type { CheckInput, Finding, SpellingState } from "./types";

export interface SpellingOptions {
  /** Where system Hunspell dictionaries are (default PARALLEL_HUNSPELL_DIR or /usr/share/hunspell). */
  hunspellDir?: string;
}

type Found = { dictionaries: Dictionary[] } | { unavailable: { lang: string; file: string; apt: string } };

async function dictionariesFor(lang: string, settings: QaSettings, options: SpellingOptions): Promise<Found> {
  const ids = dictionaryIds(lang, settings.englishSpelling);
  if (ids.length === 0) return { unavailable: { lang, file: "", apt: "" } };
  const loaded = await Promise.all(ids.map((id) => loadDictionary(id, options.hunspellDir ?? hunspellDir())));
  const missing = loaded.find((r) => !r.ok);
  if (missing && !missing.ok) return { unavailable: { lang, file: missing.file, apt: missing.apt } };
  return { dictionaries: loaded.map((r) => (r as { dictionary: Dictionary }).dictionary) };
}

/**
 * Spelling for `lang` with the project's words and the glossary's; undefined when muted.
 * Loading is the slow part (English ~0.3 s, Kazakh ~3 s, once per process).
 */
export async function spellingFor(
  lang: string,
  settings: QaSettings,
  glossaryWords: readonly string[] = [],
  options: SpellingOptions = {},
): Promise<SpellingState | undefined> {
  if (settings.muted.has("spelling")) return undefined;
  const found = await dictionariesFor(lang, settings, options);
  if ("unavailable" in found) return { unavailable: found.unavailable };
  const own = settings.dictionary[lang] ?? settings.dictionary[baseLang(lang)] ?? [];
  return { speller: makeSpeller(found.dictionaries, [...own, ...glossaryWords], baseLang(lang)) };
}

/** Findings for one paragraph (the as-you-type check). */
export async function checkSegment(
  input: CheckInput,
  settings: QaSettings = resolveQaSettings(),
  env: Omit<RunEnv, "spelling"> & SpellingOptions = {},
): Promise<Finding[]> {
  const spelling = await spellingFor(input.targetLang, settings, input.glossaryWords, env);
  return runChecks(input, settings, { ...env, spelling });
}

/** Findings for a whole document in one target language, with the document-level checks. */
export async function checkDocument(
  input: DocumentInput,
  settings: QaSettings = resolveQaSettings(),
  options: SpellingOptions = {},
): Promise<DocumentResult> {
  const spelling = await spellingFor(input.targetLang, settings, input.glossaryWords, options);
  return runDocumentChecks(input, settings, { spelling });
}

/** Spelling suggestions for one word, asked for when the user opens a spelling finding (~15 ms each). */
export async function suggestSpelling(
  word: string,
  lang: string,
  settings: QaSettings = resolveQaSettings(),
  options: SpellingOptions = {},
): Promise<string[]> {
  const state = await spellingFor(lang, { ...settings, muted: new Set() }, [], options);
  return state && "speller" in state ? state.speller.suggest(word) : [];
}
