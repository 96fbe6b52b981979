// Where to go after signing in. Only a path on this site: browsers and proxies read some odd paths
// as another host ("//evil", "/\evil", "/%09/evil" once the tab is dropped, "https:evil"), so
// anything that is not plainly a local path goes to the home page instead.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BASE = "http://parallel.invalid";

function plainLocalPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") && !CONTROL.test(value);
}

/** `value` when it is a same-origin path (normalised, e.g. "/en/a/../b" → "/en/b"); else `home`. */
export function safeNextPath(value: unknown, home: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return home;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return home;
  }
  // Checked as sent and once decoded: "/%5Cevil" and "/%2F/evil" are the same tricks escaped.
  if (!plainLocalPath(value) || !plainLocalPath(decoded)) return home;
  const url = new URL(value, BASE);
  if (url.origin !== BASE) return home;
  const path = url.pathname + url.search + url.hash;
  return plainLocalPath(path) ? path : home;
}
