// Languages of a project are BCP 47 tags (data, not an enum): any valid tag may be typed; it is kept
// in its canonical form (Intl.getCanonicalLocales: "EN-us" → "en-US", "kk-latn" → "kk-Latn").
import { AppError } from "../errors";

/** Offered first when choosing a project's languages; any other valid tag can be typed. */
export const commonLanguageTags = [
  "uk",
  "en",
  "kk",
  "kk-Latn",
  "ru",
  "de",
  "fr",
  "es",
  "it",
  "pl",
  "pt",
  "tr",
  "az",
  "uz",
  "ky",
  "tg",
  "tk",
  "mn",
  "zh",
  "ja",
  "ko",
  "ar",
] as const;

/** Longer tags exist only in theory; this keeps a typo from becoming a 500-character "language". */
const MAX_TAG_LENGTH = 35;
/** Valid tags that name no language. */
const NOT_A_LANGUAGE = new Set(["und", "root", "mul", "zxx"]);

/** The canonical form of a BCP 47 tag, or null when it is not one. */
export function canonicalTag(raw: string): string | null {
  const tag = raw.trim();
  if (!tag || tag.length > MAX_TAG_LENGTH) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && !NOT_A_LANGUAGE.has(canonical.toLowerCase()) ? canonical : null;
  } catch {
    return null;
  }
}

function badTag(field: string, value: string) {
  return new AppError("invalid_input", { field, reason: "bad_language_tag", value: value.slice(0, 50) });
}

export function parseTag(raw: string, field: string): string {
  const tag = canonicalTag(raw);
  if (!tag) throw badTag(field, raw);
  return tag;
}

/** At most this many target languages per project (a page shows them side by side). */
export const MAX_TARGETS = 20;

/**
 * A project's languages, checked: a valid source, one or more valid targets (duplicates dropped,
 * order kept), none of them the source.
 */
export function parseLanguages(
  source: string,
  targets: readonly string[],
): { sourceLang: string; targetLangs: string[] } {
  const sourceLang = parseTag(source, "sourceLang");
  const targetLangs: string[] = [];
  for (const raw of targets) {
    const tag = parseTag(raw, "targetLangs");
    if (tag === sourceLang) {
      throw new AppError("invalid_input", { field: "targetLangs", reason: "source_among_targets", value: tag });
    }
    if (!targetLangs.includes(tag)) targetLangs.push(tag);
  }
  if (targetLangs.length === 0) throw new AppError("invalid_input", { field: "targetLangs", reason: "no_targets" });
  if (targetLangs.length > MAX_TARGETS)
    throw new AppError("invalid_input", { field: "targetLangs", reason: "too_many_targets" });
  return { sourceLang, targetLangs };
}

const names = new Map<string, Intl.DisplayNames>();

/** A language's name in the interface language ("kk" in Ukrainian: "казахська"); the tag when ICU has none. */
export function languageName(tag: string, interfaceLang: string): string {
  let display = names.get(interfaceLang);
  if (!display) {
    display = new Intl.DisplayNames([interfaceLang], { type: "language", fallback: "code" });
    names.set(interfaceLang, display);
  }
  try {
    return display.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
