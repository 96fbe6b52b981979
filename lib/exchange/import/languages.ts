// The file's languages against the project's: the source must be the project's source language,
// and every target (and every note's language) one of the project's target languages. A regional
// code from another tool (en-US, uk-UA) counts as its language when the project has no such region.
import type { ExchangeUnit } from "../types";
import { importError } from "./errors";
import type { ParsedFile } from "./types";

function canonical(code: string): string {
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return code;
  }
}

/** The project language a file's code stands for, or null. */
export function matchLang(code: string, candidates: readonly string[]): string | null {
  const wanted = canonical(code).toLowerCase();
  const exact = candidates.find((c) => canonical(c).toLowerCase() === wanted);
  if (exact) return exact;
  const locale = new Intl.Locale(canonical(code));
  // Only a region is dropped: kk-Latn is another script, not another spelling of kk.
  if (!locale.region || locale.script) return null;
  return candidates.find((c) => canonical(c).toLowerCase() === locale.language.toLowerCase()) ?? null;
}

function safeMatch(code: string, candidates: readonly string[]): string | null {
  try {
    return matchLang(code, candidates);
  } catch {
    return null;
  }
}

/** The units with their languages renamed to the project's codes; refuses what does not fit. */
export function mapLanguages(file: ParsedFile, sourceLang: string, projectLangs: readonly string[]): ExchangeUnit[] {
  const used = new Set(file.targetLangs);
  for (const u of file.units) {
    for (const lang of Object.keys(u.targets)) used.add(lang);
    for (const n of u.notes) if (n.lang) used.add(n.lang);
  }
  const mapping = new Map<string, string>();
  const unknown: string[] = [];
  for (const lang of used) {
    const match = safeMatch(lang, projectLangs);
    if (match && ![...mapping.values()].includes(match)) mapping.set(lang, match);
    else unknown.push(lang);
  }
  const sourceOk = file.sourceLang === null || safeMatch(file.sourceLang, [sourceLang]) !== null;
  if (!sourceOk || unknown.length > 0) {
    const parts = [
      sourceOk ? null : `its source language is ${file.sourceLang}, not ${sourceLang}`,
      unknown.length
        ? `${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not a target language of the project (${projectLangs.join(", ")})`
        : null,
    ].filter(Boolean);
    throw importError("languages", `The file's languages do not match the project: ${parts.join("; ")}.`, {
      source: file.sourceLang,
      expectedSource: sourceLang,
      unknown,
      expectedTargets: [...projectLangs],
      value: [sourceOk ? null : file.sourceLang, ...unknown].filter(Boolean).join(", "),
    });
  }
  const rename = (lang: string) => mapping.get(lang) ?? lang;
  return file.units.map((u) => ({
    ...u,
    targets: Object.fromEntries(Object.entries(u.targets).map(([lang, t]) => [rename(lang), t])),
    notes: u.notes.map((n) => ({ ...n, lang: n.lang ? rename(n.lang) : null })),
  }));
}
