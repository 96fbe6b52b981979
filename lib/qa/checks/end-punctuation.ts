// end-punctuation: the target ends like the source (stop, colon, semicolon, question, exclamation,
// ellipsis, or nothing), allowing for conventions: "..." is "…", a stop may sit inside or outside
// the closing quote ("…країн»." / "…countries.”"), and list items may end in ; , . or nothing.
import type { Check, RawFinding } from "../types";

const KEYS = {
  missing: "qa.end-punctuation.missing",
  added: "qa.end-punctuation.added",
  different: "qa.end-punctuation.different",
} as const;

type Ending = "." | ":" | ";" | "?" | "!" | "…" | "?!" | "," | "";

// The trailing run of punctuation, closing quotes and brackets, and spaces (scanned from the end:
// a regex anchored at $ would try every position of a long paragraph).
const TAIL = /[\s.,:;?!…»”“’"')\]]/u;

export function ending(text: string): { ending: Ending; start: number; end: number } {
  let start = text.length;
  while (start > 0 && TAIL.test(text[start - 1])) start--;
  const marks = text
    .slice(start)
    .replace(/[^.,:;?!…]/g, "")
    .replace(/\.{3,}|\.\.(?=$)/g, "…");
  let e: Ending = "";
  if (marks.includes("?") && marks.includes("!")) e = "?!";
  else if (marks.includes("?")) e = "?";
  else if (marks.includes("!")) e = "!";
  else if (marks.includes("…")) e = "…";
  else if (marks) e = marks[marks.length - 1] as Ending;
  return { ending: e, start, end: text.trimEnd().length };
}

const LIST_ENDINGS = new Set<Ending>([";", ",", ".", ""]);

export const endPunctuation: Check = {
  code: "end-punctuation",
  messageKeys: Object.values(KEYS),
  run({ input }) {
    const s = ending(input.source);
    const t = ending(input.target);
    if (s.ending === t.ending) return [];
    // Lists: Ukrainian items end in ";" and the last in "."; English style guides allow none.
    const listItem = input.kind === "list_item" || /^\s*[-–—•]\s/u.test(input.source);
    if (listItem && LIST_ENDINGS.has(s.ending) && LIST_ENDINGS.has(t.ending)) return [];
    // The final marks, or the last character when there are none.
    const span = { start: t.start < t.end ? t.start : Math.max(0, t.end - 1), end: t.end, side: "target" as const };
    const name = (e: Ending) => (e === "?!" ? "?!" : e);
    let finding: RawFinding;
    if (t.ending === "")
      finding = { messageKey: KEYS.missing, params: { expected: name(s.ending) }, key: `end-punctuation:missing` };
    else if (s.ending === "")
      finding = { messageKey: KEYS.added, params: { found: name(t.ending) }, key: `end-punctuation:added` };
    else
      finding = {
        messageKey: KEYS.different,
        params: { expected: name(s.ending), found: name(t.ending) },
        key: `end-punctuation:different`,
      };
    return [{ ...finding, span }];
  },
};
