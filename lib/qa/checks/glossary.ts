// glossary: a source term of the project's glossaries none of whose allowed translations (preferred
// or admitted) appears in the target, in any inflected form ("державної служби" is fine with "the
// civil service's", "мемлекеттік қызметтің"). forbidden-term: a translation the glossary forbids,
// in any inflected form. Both wrap the terminology engine (lib/terms), so they recognise exactly
// what the editor underlines.
import { missingTargetTerms } from "../../terms/checks";
import { foldWord } from "../../terms/normalize";
import type { TermIndex } from "../../terms/recognize";
import type { Check, CheckContext, RawFinding } from "../types";

const KEYS = {
  missing: "qa.glossary.missing",
  forbidden: "qa.forbidden-term.used",
  forbiddenAlone: "qa.forbidden-term.no-alternative",
} as const;

/** "civil service, public service": the translations to choose from, preferred first. */
const listed = (terms: string[]) => terms.join(", ");

/** Counts repeats so each occurrence keeps its own stable key ("…:2" for the second). */
function keyer() {
  const seen = new Map<string, number>();
  return (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  };
}

export const glossary: Check = {
  code: "glossary",
  messageKeys: [KEYS.missing],
  run(ctx: CheckContext) {
    const { input } = ctx;
    if (!input.glossary) return [];
    const key = keyer();
    return missingTargetTerms(input.glossary, input.source, input.target, input.targetLang, {
      targetHits: ctx.targetTermHits,
    }).map(
      ({ source, expected }): RawFinding => ({
        messageKey: KEYS.missing,
        params: { term: source.text, expected: listed(expected.map((e) => e.term)) },
        span: { start: source.start, end: source.end, side: "source" },
        key: key(`glossary:${source.entryId}`),
      }),
    );
  },
};

/** The replacement in the case the text used: "State service" → "Civil service". */
function inCaseOf(written: string, replacement: string): string {
  const first = written.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export const forbiddenTerm: Check = {
  code: "forbidden-term",
  messageKeys: [KEYS.forbidden, KEYS.forbiddenAlone],
  run(ctx: CheckContext) {
    const { input } = ctx;
    const index = input.glossary;
    if (!index) return [];
    const key = keyer();
    const lang = input.targetLang;
    // ctx.targetTerms is forbiddenTargetTerms' reading (overlaps longest-first), computed once per paragraph.
    return ctx.targetTerms
      .filter((hit) => hit.status === "forbidden")
      .map((hit): RawFinding => {
        const preferred = index
          .translationsOf(hit.entryId, lang)
          .filter((t) => t.status === "preferred")
          .map((t) => t.term);
        const span = { start: hit.start, end: hit.end, side: "target" as const };
        const base = {
          span,
          key: key(`forbidden-term:${hit.entryId}:${foldWord(hit.term, lang)}`),
        };
        if (preferred.length === 0) return { ...base, messageKey: KEYS.forbiddenAlone, params: { term: hit.text } };
        // A fix only where the text has the forbidden term's own form: an inflected one ("state
        // services") would get the dictionary form of the replacement, which reads wrong.
        const exact = foldWord(hit.text, lang) === foldWord(hit.term, lang);
        const text = inCaseOf(hit.text, preferred[0]);
        return {
          ...base,
          messageKey: KEYS.forbidden,
          params: { term: hit.text, preferred: listed(preferred) },
          ...(exact
            ? {
                fix: {
                  messageKey: "qa.fix.replace",
                  params: { text },
                  edits: [{ start: hit.start, end: hit.end, text }],
                },
              }
            : {}),
        };
      });
  },
};

const wordsCache = new WeakMap<object, Map<string, string[]>>();

/**
 * The words of every glossary translation into `lang` (forbidden ones too: a forbidden term is a
 * real word, reported by forbidden-term, never as a misspelling). Computed once per index and language.
 */
export function glossaryWords(index: TermIndex, lang: string): string[] {
  let byLang = wordsCache.get(index);
  if (!byLang) {
    byLang = new Map();
    wordsCache.set(index, byLang);
  }
  let words = byLang.get(lang);
  if (!words) {
    const found = new Set<string>();
    for (const entry of index.entries.values())
      for (const t of entry.translations)
        if (t.lang === lang) for (const w of t.term.match(/[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu) ?? []) found.add(w);
    words = [...found];
    byLang.set(lang, words);
  }
  return words;
}
