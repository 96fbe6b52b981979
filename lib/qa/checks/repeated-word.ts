// repeated-word: the same word twice in a row ("the the", "у у"), only whitespace between.
import { words } from "../text";
import type { Check, RawFinding } from "../types";

// Repetitions grammar allows ("what she had had", "he said that that was wrong").
const ALLOWED: Record<string, ReadonlySet<string>> = { en: new Set(["had", "that", "is", "do"]) };

export const repeatedWord: Check = {
  code: "repeated-word",
  messageKeys: ["qa.repeated-word.found", "qa.fix.remove-word"],
  run({ input, targetBase }) {
    const out: RawFinding[] = [];
    const all = words(input.target);
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1];
      const b = all[i];
      if (a.text.length !== b.text.length) continue;
      const word = b.text.toLowerCase();
      if (word !== a.text.toLowerCase() || !/^\s+$/u.test(input.target.slice(a.end, b.start))) continue;
      if (ALLOWED[targetBase]?.has(word)) continue;
      out.push({
        messageKey: "qa.repeated-word.found",
        params: { word: b.text },
        span: { start: a.start, end: b.end, side: "target" },
        fix: {
          messageKey: "qa.fix.remove-word",
          params: { word: b.text },
          edits: [{ start: a.end, end: b.end, text: "" }],
        },
        key: `repeated-word:${word}`,
      });
    }
    return out;
  },
};
