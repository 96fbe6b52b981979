// Names of document languages ("English", "Англійська", "Ағылшын тілі") in an interface language,
// from the runtime's CLDR data (Intl.DisplayNames), for every place a person reads a language:
// labels, headers of human-readable exports. Codes stay in files meant for tools. No Node-only
// import: client components use it too.
const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(lng: string): Intl.DisplayNames | null {
  if (!cache.has(lng)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lng, "en"], { type: "language", fallback: "none" });
    } catch {
      names = null; // a runtime without the locale data
    }
    cache.set(lng, names);
  }
  return cache.get(lng) ?? null;
}

/**
 * The language `code` (BCP 47: "en", "kk-Latn") named in the interface language `lng`, capitalised
 * as a label; the code itself when the runtime does not know it.
 */
export function languageName(code: string, lng: string): string {
  let name: string | undefined;
  try {
    name = displayNames(lng)?.of(code);
  } catch {
    name = undefined; // not a well-formed code
  }
  if (!name) return code;
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
}
