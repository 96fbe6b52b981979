// quotes: quotation marks pair up, and each pair is in the target language's style by its nesting
// level (Ukrainian «…„…“…», English “…‘…’…”, Kazakh «…“…”…», or the project's setting).
import { quoteStyleFor } from "../settings";
import type { Check, Edit, Range, RawFinding } from "../types";

const KEYS = {
  style: "qa.quotes.style",
  unclosed: "qa.quotes.unclosed",
  unopened: "qa.quotes.unopened",
  fix: "qa.fix.quotes",
} as const;

// Marks that always open, and those that open or close by context (the rest, » ” ›, always close).
const OPENING = "«„‚‹";
const EITHER = "“‘\"'’";
const SINGLE = "‚‘’'";
const MARKS = /[«„‚‹»”›“‘"'’]/g;

interface Pair {
  open: number;
  close: number;
  depth: number;
}
interface Stray extends Range {
  kind: "unclosed" | "unopened";
}

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const opensHere = (before: string | undefined) => before === undefined || /[\s([{«„‚‹“‘"'—–-]/u.test(before);

/** Pair the quotation marks of `text`; ’ and ' between letters (п’ять, it’s) are apostrophes. */
export function pairQuotes(text: string): { pairs: Pair[]; stray: Stray[] } {
  const stack: { at: number; single: boolean }[] = [];
  const pairs: Pair[] = [];
  const stray: Stray[] = [];
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    const ch = m[0];
    const before = text[i - 1];
    const single = SINGLE.includes(ch);
    if ((ch === "’" || ch === "'") && isLetter(before) && isLetter(text[i + 1])) continue;
    const open = OPENING.includes(ch) || (EITHER.includes(ch) && ch !== "’" && opensHere(before));
    if (open) {
      stack.push({ at: i, single });
      continue;
    }
    // A closing ’ or ' with no single quote open is an apostrophe ("the states’ powers").
    if (single && !stack.some((o) => o.single)) continue;
    const top = stack.pop();
    if (top) pairs.push({ open: top.at, close: i, depth: stack.length });
    else stray.push({ start: i, end: i + 1, kind: "unopened" });
  }
  for (const o of stack) stray.push({ start: o.at, end: o.at + 1, kind: "unclosed" });
  return { pairs: pairs.sort((a, b) => a.open - b.open), stray };
}

export const quotes: Check = {
  code: "quotes",
  messageKeys: Object.values(KEYS),
  run({ input, settings }) {
    const out: RawFinding[] = [];
    const { pairs, stray } = pairQuotes(input.target);
    const style = quoteStyleFor(settings, input.targetLang);
    if (style) {
      pairs.forEach((p, n) => {
        const [open, close] = p.depth % 2 === 0 ? style.primary : style.secondary;
        if (input.target[p.open] === open && input.target[p.close] === close) return;
        const edits: Edit[] = [
          { start: p.open, end: p.open + 1, text: open },
          { start: p.close, end: p.close + 1, text: close },
        ];
        out.push({
          messageKey: KEYS.style,
          params: { expected: `${open}…${close}`, found: `${input.target[p.open]}…${input.target[p.close]}` },
          span: { start: p.open, end: p.close + 1, side: "target" },
          fix: { messageKey: KEYS.fix, params: { expected: `${open}…${close}` }, edits },
          key: `quotes:style:${n}`,
        });
      });
    }
    // Quotations that run over several paragraphs leave marks open in the source too.
    const allowed = { unclosed: 0, unopened: 0 };
    for (const s of pairQuotes(input.source).stray) allowed[s.kind]++;
    for (const s of stray) {
      if (allowed[s.kind]-- > 0) continue;
      out.push({
        messageKey: KEYS[s.kind],
        params: { quote: input.target[s.start] },
        span: { start: s.start, end: s.end, side: "target" },
        key: `quotes:${s.kind}:${input.target[s.start]}`,
      });
    }
    return out;
  },
};
