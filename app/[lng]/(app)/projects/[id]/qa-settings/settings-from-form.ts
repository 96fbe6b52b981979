// The QA settings form's fields as a QaSettingsInput: only what differs from the defaults is kept,
// so a default changed later still reaches the project. Validation is the domain's (QaSettingsInput).
import { CHECK_CODES, DEFAULT_LENGTH_MIN_SAMPLES, DEFAULT_QUOTES, DEFAULT_SEVERITY } from "@/lib/qa/settings";

/** Quote styles offered: outer pair and inner pair, as four characters. */
export const QUOTE_PRESETS = ["«»„“", "«»“”", "“”‘’", "‘’“”", "„“‚‘", "»«›‹"] as const;

export const quoteKey = (style: { primary: [string, string]; secondary: [string, string] }) =>
  [...style.primary, ...style.secondary].join("");

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function settingsFromForm(form: FormData): Record<string, unknown> {
  const langs = form.getAll("lang").map(String);
  const severity: Record<string, string> = {};
  const muted: string[] = [];
  for (const code of CHECK_CODES) {
    const chosen = String(form.get(`severity.${code}`) ?? "");
    if (chosen && chosen !== DEFAULT_SEVERITY[code]) severity[code] = chosen;
    if (form.get(`muted.${code}`) === "on") muted.push(code);
  }
  const quotes: Record<string, { primary: string[]; secondary: string[] }> = {};
  const dictionary: Record<string, string[]> = {};
  for (const lang of langs) {
    const preset = [...String(form.get(`quotes.${lang}`) ?? "")];
    const fallback = DEFAULT_QUOTES[lang.split("-")[0]];
    if (preset.length === 4 && (!fallback || quoteKey(fallback) !== preset.join("")))
      quotes[lang] = { primary: preset.slice(0, 2), secondary: preset.slice(2) };
    const words = lines(form.get(`dictionary.${lang}`));
    if (words.length) dictionary[lang] = words;
  }
  const patterns = lines(form.get("citations.patterns"));
  const brackets = form.get("citations.brackets") === "on";
  const englishSpelling = String(form.get("englishSpelling") ?? "either");
  const minSamples = Number(form.get("length.minSamples") || DEFAULT_LENGTH_MIN_SAMPLES);
  return {
    ...(Object.keys(severity).length ? { severity } : {}),
    ...(muted.length ? { muted } : {}),
    ...(Object.keys(quotes).length ? { quotes } : {}),
    ...(!brackets || patterns.length
      ? { citations: { ...(brackets ? {} : { brackets }), ...(patterns.length ? { patterns } : {}) } }
      : {}),
    ...(Object.keys(dictionary).length ? { dictionary } : {}),
    ...(englishSpelling !== "either" ? { englishSpelling } : {}),
    ...(minSamples !== DEFAULT_LENGTH_MIN_SAMPLES ? { length: { minSamples } } : {}),
  };
}
