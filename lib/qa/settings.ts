// Per-project QA settings: the zod schema a settings route validates with, and the defaults every
// missing field falls back to (documented in docs/quality-checks.md). Stored settings stay partial,
// so a default changed here reaches projects that never touched it.
import { RE2JS } from "re2js";
import { z } from "zod";
import { type Severity, severities } from "./types";

/** Every check, by its stable code. */
export const CHECK_CODES = [
  "untranslated",
  "same-as-source",
  "numbers",
  "citations",
  "brackets",
  "quotes",
  "end-punctuation",
  "edge-space",
  "double-space",
  "repeated-word",
  "mixed-script",
  "uk-letters-in-kk",
  "glossary",
  "forbidden-term",
  "spelling",
  "inconsistent",
  "length",
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const DEFAULT_SEVERITY: Record<CheckCode, Severity> = {
  untranslated: "error",
  "same-as-source": "warning",
  numbers: "error",
  citations: "error",
  brackets: "warning",
  quotes: "warning",
  "end-punctuation": "warning",
  "edge-space": "warning",
  "double-space": "info",
  "repeated-word": "warning",
  "mixed-script": "error",
  "uk-letters-in-kk": "error",
  glossary: "warning",
  "forbidden-term": "error",
  spelling: "warning",
  inconsistent: "warning",
  length: "warning",
};

/** Quote marks of one language: the outer pair and the pair used inside it. */
export interface QuoteStyle {
  primary: [open: string, close: string];
  secondary: [open: string, close: string];
}

/** CLDR 48 delimiters (uk: «…» with „…“ inside, as the 2019 orthography says; kk: «…» with “…”). */
export const DEFAULT_QUOTES: Record<string, QuoteStyle> = {
  uk: { primary: ["«", "»"], secondary: ["„", "“"] },
  kk: { primary: ["«", "»"], secondary: ["“", "”"] },
  ru: { primary: ["«", "»"], secondary: ["„", "“"] },
  en: { primary: ["“", "”"], secondary: ["‘", "’"] },
};

/** At most this many custom citation patterns, each at most this long (they run on every paragraph). */
export const MAX_CITATION_PATTERNS = 5;
export const MAX_PATTERN_LENGTH = 300;

/** Why a user's pattern cannot be used, or null. Compiled with RE2 (linear time), never `new RegExp`. */
export function citationPatternError(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const char = z.string().min(1).max(2);
const QuoteStyleInput = z.object({ primary: z.tuple([char, char]), secondary: z.tuple([char, char]) });
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "bad_lang" });
/** One "add to dictionary" word: letters, apostrophes, dots and hyphens. */
export const DictionaryWord = z
  .string()
  .trim()
  .min(1, { message: "word_empty" })
  .max(100, { message: "too_long" })
  .regex(/^[\p{L}\p{M}'’ʼ.-]+$/u, { message: "bad_word" });

/** What a project may set; every field optional. A settings route parses with this. */
export const QaSettingsInput = z.object({
  severity: z.partialRecord(z.enum(CHECK_CODES), z.enum(severities)).optional(),
  muted: z.array(z.enum(CHECK_CODES)).max(CHECK_CODES.length).optional(),
  /** Quote style per target language, replacing the default for that language. */
  quotes: z.record(lang, QuoteStyleInput).optional(),
  citations: z
    .object({
      /** Bracketed numeric references: [53], [1–3], [52, с. 5]. On by default. */
      brackets: z.boolean().optional(),
      /** More citation styles, as RE2 patterns: each match is one citation. */
      patterns: z
        .array(
          z
            .string()
            .min(1)
            .max(MAX_PATTERN_LENGTH)
            .superRefine((p, ctx) => {
              const error = citationPatternError(p);
              if (error) ctx.addIssue({ code: "custom", message: error, params: { reason: "invalid_pattern" } });
            }),
        )
        .max(MAX_CITATION_PATTERNS)
        .optional(),
    })
    .optional(),
  /** "Add to dictionary": words spelling accepts, per target language. */
  dictionary: z.record(lang, z.array(DictionaryWord).max(20_000)).optional(),
  /** English spelling accepted: American, British, or either (a tag like "en-GB" decides by itself). */
  englishSpelling: z.enum(["us", "gb", "either"]).optional(),
  length: z
    .object({
      /** Confirmed paragraphs needed before the length check trusts the project's own ratio. */
      minSamples: z.number().int().min(5).max(10_000).optional(),
    })
    .optional(),
});
export type QaSettingsInput = z.infer<typeof QaSettingsInput>;

/** Settings with every default filled in: what the checks read. */
export interface QaSettings {
  severity: Record<CheckCode, Severity>;
  muted: ReadonlySet<CheckCode>;
  quotes: Record<string, QuoteStyle>;
  citations: { brackets: boolean; patterns: string[] };
  dictionary: Record<string, string[]>;
  englishSpelling: "us" | "gb" | "either";
  length: { minSamples: number };
}

export const DEFAULT_LENGTH_MIN_SAMPLES = 30;

/** Fill in defaults. Takes already-validated input (QaSettingsInput.parse) or nothing. */
export function resolveQaSettings(input: QaSettingsInput = {}): QaSettings {
  return {
    severity: { ...DEFAULT_SEVERITY, ...input.severity },
    muted: new Set(input.muted ?? []),
    quotes: { ...DEFAULT_QUOTES, ...(input.quotes as Record<string, QuoteStyle> | undefined) },
    citations: { brackets: input.citations?.brackets ?? true, patterns: input.citations?.patterns ?? [] },
    dictionary: { ...input.dictionary },
    englishSpelling: input.englishSpelling ?? "either",
    length: { minSamples: input.length?.minSamples ?? DEFAULT_LENGTH_MIN_SAMPLES },
  };
}

/** The quote style for a language tag ("kk-Latn" uses "kk"'s unless set itself), or null if unknown. */
export function quoteStyleFor(settings: QaSettings, lang: string): QuoteStyle | null {
  return settings.quotes[lang] ?? settings.quotes[baseLang(lang)] ?? null;
}

/** "kk" for "kk-Latn", "en" for "en-GB". */
export function baseLang(lang: string): string {
  return lang.split("-")[0].toLowerCase();
}
