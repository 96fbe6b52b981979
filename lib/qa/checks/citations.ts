// citations: the same references in source and target, whatever language their page abbreviation is in.
import { type Citation, findCitations, localizeCitation } from "../citations";
import type { Check, Edit, RawFinding } from "../types";

const KEYS = {
  missing: "qa.citations.missing",
  added: "qa.citations.added",
  changed: "qa.citations.changed",
  insert: "qa.fix.insert",
  replace: "qa.fix.replace",
} as const;

// A sentence ends at . ! ? … followed by a space or the end (quotes and brackets may come between).
const SENTENCE_END = /[.!?…]+(?=[»”“’")\]]*(?:\s|$))/g;

// Abbreviations that end in a stop without ending the sentence (after LanguageTool's uk segment.srx).
const ABBREVIATIONS = new Set(
  "м р рр ст с т ч ім вул обл див напр тис млн млрд грн проф акад доц пп п ж қ б mr mrs ms dr prof st vol p pp no e.g i.e cf vs".split(
    " ",
  ),
);

/** Offsets of sentence-final punctuation, outside citations ("с." inside [52, с. 5] ends nothing). */
function sentenceEnds(text: string, citations: Citation[]): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) {
    if (citations.some((c) => m.index >= c.start && m.index < c.end)) continue;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? "";
    // "м. Астана", "С. Тулл": an abbreviation or an initial, not the end of a sentence.
    if (m[0] === "." && (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before))) continue;
    out.push(m.index);
  }
  return out;
}

/**
 * Where a missing citation goes in the target: at the end of the sentence that holds it in the
 * source (before its final stop), counting sentences; at the end of the target when they don't line up.
 */
function insertion(source: string, target: string, citation: Citation, sc: Citation[], tc: Citation[]): number {
  const sEnds = sentenceEnds(source, sc);
  const tEnds = sentenceEnds(target, tc);
  const sentence = sEnds.filter((e) => e < citation.start).length;
  if (sEnds.length === tEnds.length && sentence < tEnds.length) return tEnds[sentence];
  let end = target.length;
  while (end > 0 && /[\s.!?…;:]/u.test(target[end - 1])) end--;
  return end;
}

function insertEdit(target: string, at: number, text: string): Edit {
  const before = target[at - 1];
  return { start: at, end: at, text: before === undefined || /\s/u.test(before) ? text : ` ${text}` };
}

export const citations: Check = {
  code: "citations",
  messageKeys: Object.values(KEYS),
  run(ctx) {
    const { input, settings } = ctx;
    const sc = findCitations(input.source, settings);
    const tc = findCitations(input.target, settings);
    const unmatched = [...tc];
    const missing: Citation[] = [];
    for (const s of sc) {
      const i = unmatched.findIndex((t) => t.canonical === s.canonical);
      if (i >= 0) unmatched.splice(i, 1);
      else missing.push(s);
    }
    const out: RawFinding[] = [];
    const changed = missing.length === unmatched.length ? missing.length : 0;
    for (let i = 0; i < changed; i++) {
      const s = missing[i];
      const t = unmatched[i];
      const text = localizeCitation(s, input.targetLang);
      out.push({
        messageKey: KEYS.changed,
        params: { source: s.raw, target: t.raw },
        span: { start: t.start, end: t.end, side: "target" },
        fix: { messageKey: KEYS.replace, params: { text }, edits: [{ start: t.start, end: t.end, text }] },
        key: `citations:changed:${s.canonical}:${t.canonical}`,
      });
    }
    for (const s of missing.slice(changed)) {
      const text = localizeCitation(s, input.targetLang);
      const at = insertion(input.source, input.target, s, sc, tc);
      out.push({
        messageKey: KEYS.missing,
        params: { citation: s.raw },
        span: { start: s.start, end: s.end, side: "source" },
        fix: { messageKey: KEYS.insert, params: { text }, edits: [insertEdit(input.target, at, text)] },
        key: `citations:missing:${s.canonical}`,
      });
    }
    for (const t of unmatched.slice(changed))
      out.push({
        messageKey: KEYS.added,
        params: { citation: t.raw },
        span: { start: t.start, end: t.end, side: "target" },
        key: `citations:added:${t.canonical}`,
      });
    return out;
  },
};
