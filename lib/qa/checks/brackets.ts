// brackets: every ( [ { in the target closes, and nothing closes that did not open — unless the
// source is unbalanced the same way (a parenthesis that spans paragraphs is the author's).
import type { Check, Range, RawFinding } from "../types";

const KEYS = { unclosed: "qa.brackets.unclosed", unopened: "qa.brackets.unopened" } as const;
const PAIRS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const BRACKET = /[()[\]{}]/g;

// "1) …", "а) …", "b) …": a list marker at the start is not half a pair.
const LIST_MARKER = /^\s*(?:[0-9]{1,3}|\p{L})\)/u;

interface Stray extends Range {
  char: string;
  kind: "unclosed" | "unopened";
}

export function strayBrackets(text: string): Stray[] {
  const stack: { char: string; at: number }[] = [];
  const stray: Stray[] = [];
  const marker = LIST_MARKER.exec(text);
  const skip = marker ? marker[0].length - 1 : -1;
  for (const m of text.matchAll(BRACKET)) {
    const i = m.index;
    const ch = m[0];
    if (PAIRS[ch]) stack.push({ char: ch, at: i });
    else if (CLOSERS[ch] && i !== skip) {
      const top = stack[stack.length - 1];
      if (top && top.char === CLOSERS[ch]) stack.pop();
      else if (stack.some((o) => o.char === CLOSERS[ch])) {
        // "( [ )": the [ was never closed; close back to the matching (.
        while (stack.length && stack[stack.length - 1].char !== CLOSERS[ch]) {
          const o = stack.pop()!;
          stray.push({ start: o.at, end: o.at + 1, char: o.char, kind: "unclosed" });
        }
        stack.pop();
      } else stray.push({ start: i, end: i + 1, char: ch, kind: "unopened" });
    }
  }
  for (const o of stack) stray.push({ start: o.at, end: o.at + 1, char: o.char, kind: "unclosed" });
  return stray.sort((a, b) => a.start - b.start);
}

const tally = (stray: Stray[]) => {
  const counts = new Map<string, number>();
  for (const s of stray) counts.set(`${s.kind}${s.char}`, (counts.get(`${s.kind}${s.char}`) ?? 0) + 1);
  return counts;
};

export const brackets: Check = {
  code: "brackets",
  messageKeys: Object.values(KEYS),
  run({ input }) {
    const target = strayBrackets(input.target);
    if (target.length === 0) return [];
    // The source's own imbalance is carried over, not introduced: leave as many of each kind alone.
    const allowance = tally(strayBrackets(input.source));
    const out: RawFinding[] = [];
    const seen = new Map<string, number>();
    for (const s of target) {
      const k = `${s.kind}${s.char}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      if (n <= (allowance.get(k) ?? 0)) continue;
      out.push({
        messageKey: KEYS[s.kind],
        params: { bracket: s.char },
        span: { start: s.start, end: s.end, side: "target" },
        key: `brackets:${s.kind}:${s.char}:${n}`,
      });
    }
    return out;
  },
};
