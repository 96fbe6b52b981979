// numbers: every number of the source is in the target and no other, compared as values.
import { digitNumbers, type NumberToken } from "../numbers/parse";
import { softNumbers } from "../numbers/words";
import type { Check, RawFinding } from "../types";

const KEYS = {
  missing: "qa.numbers.missing",
  added: "qa.numbers.added",
  changed: "qa.numbers.changed",
  format: "qa.numbers.format",
  fix: "qa.fix.replace",
} as const;

const key = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * Whether two tokens can mean the same value. Passes, strictest first: both read natively; the
 * target reads natively (an ambiguous source is read the target's way); any reading at all, which
 * makes the target's a foreign format ("1 234,5" in English).
 */
type Pass = "native" | "target-native" | "any";
function agree(s: NumberToken, t: NumberToken, pass: Pass): boolean {
  return s.readings.some((rs) =>
    t.readings.some(
      (rt) =>
        key(rs.value) === key(rt.value) &&
        (pass === "any" || (!rt.foreign && (pass === "target-native" || !rs.foreign))),
    ),
  );
}

/** Write `value` as the target language does, grouped if `like` (how it was written) was grouped. */
export function formatNumber(value: number, like: string, lang: string): string {
  const decimals = (String(value).split(".")[1] ?? "").length;
  const separators = like.replace(/[0-9]/g, "").length;
  const grouped = Math.abs(value) >= 1000 && separators > (decimals > 0 ? 1 : 0);
  if (Number.isInteger(value) && !grouped) return String(value);
  return new Intl.NumberFormat(lang, {
    useGrouping: grouped,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

interface Matched {
  missing: NumberToken[];
  added: NumberToken[];
  /** Target numbers that match only when read in another language's format, with that value. */
  foreign: { token: NumberToken; value: number }[];
}

export function matchNumbers(source: NumberToken[], target: NumberToken[]): Matched {
  const hardS = source.filter((t) => !t.soft);
  const hardT = target.filter((t) => !t.soft);
  const usedT = new Set<NumberToken>();
  const usedS = new Set<NumberToken>();
  const foreign: Matched["foreign"] = [];
  for (const pass of ["native", "target-native", "any"] as const) {
    for (const s of hardS) {
      if (usedS.has(s)) continue;
      const t = hardT.find((c) => !usedT.has(c) && agree(s, c, pass));
      if (!t) continue;
      usedS.add(s);
      usedT.add(t);
      if (pass === "any")
        foreign.push({
          token: t,
          value: t.readings.find((r) => s.readings.some((q) => key(q.value) === key(r.value)))!.value,
        });
    }
  }
  // A number on one side may be a word or a Roman numeral on the other.
  const softT = target.filter((t) => t.soft);
  const softS = source.filter((t) => t.soft);
  const missing = hardS.filter((s) => {
    if (usedS.has(s)) return false;
    const t = softT.find((c) => !usedT.has(c) && agree(s, c, "any"));
    if (t) usedT.add(t);
    return !t;
  });
  const added = hardT.filter((t) => {
    if (usedT.has(t)) return false;
    const s = softS.find((c) => !usedS.has(c) && agree(c, t, "any"));
    if (s) usedS.add(s);
    return !s;
  });
  return { missing, added, foreign };
}

export const numbers: Check = {
  code: "numbers",
  messageKeys: Object.values(KEYS),
  run(ctx) {
    const { input, sourceBase, targetBase, citations } = ctx;
    const sourceDigits = digitNumbers(input.source, sourceBase, citations.source);
    const targetDigits = digitNumbers(input.target, targetBase, citations.target);
    let matched = matchNumbers(sourceDigits, targetDigits);
    // Spelled-out words and Roman numerals only matter for digits left over (most paragraphs have none).
    if (matched.missing.length || matched.added.length)
      matched = matchNumbers(
        [...sourceDigits, ...softNumbers(input.source, sourceBase, citations.source)],
        [...targetDigits, ...softNumbers(input.target, targetBase, citations.target)],
      );
    const { missing, added, foreign } = matched;
    const out: RawFinding[] = [];
    const replace = (t: NumberToken, text: string) => ({
      messageKey: KEYS.fix,
      params: { text },
      edits: [{ start: t.start, end: t.end, text }],
    });
    // As many missing as added: most likely each was changed, in order ("2013" typed as "2014").
    const changed = missing.length === added.length ? missing.length : 0;
    for (let i = 0; i < changed; i++) {
      const s = missing[i];
      const t = added[i];
      const text = formatNumber(s.readings[0].value, s.raw, input.targetLang);
      out.push({
        messageKey: KEYS.changed,
        params: { source: s.raw, target: t.raw },
        span: { start: t.start, end: t.end, side: "target" },
        fix: replace(t, text),
        key: `numbers:changed:${key(s.readings[0].value)}:${key(t.readings[0].value)}`,
      });
    }
    for (const s of missing.slice(changed))
      out.push({
        messageKey: KEYS.missing,
        params: { number: s.raw },
        span: { start: s.start, end: s.end, side: "source" },
        key: `numbers:missing:${key(s.readings[0].value)}`,
      });
    for (const t of added.slice(changed))
      out.push({
        messageKey: KEYS.added,
        params: { number: t.raw },
        span: { start: t.start, end: t.end, side: "target" },
        key: `numbers:added:${key(t.readings[0].value)}`,
      });
    for (const { token: t, value } of foreign) {
      const text = formatNumber(value, t.raw, input.targetLang);
      out.push({
        messageKey: KEYS.format,
        params: { number: t.raw, expected: text },
        span: { start: t.start, end: t.end, side: "target" },
        fix: replace(t, text),
        key: `numbers:format:${key(value)}`,
      });
    }
    return out;
  },
};
