// edge-space (spaces before or after the text that the source does not have) and double-space.
import type { Check, RawFinding } from "../types";

// trimStart/trimEnd know every Unicode space (U+00A0, U+202F too) and, unlike /\s+$/, never
// rescan a long run of spaces from each of its positions.
const leading = (s: string) => s.length - s.trimStart().length;
const trailing = (s: string) => s.length - s.trimEnd().length;

export const edgeSpace: Check = {
  code: "edge-space",
  messageKeys: ["qa.edge-space.leading", "qa.edge-space.trailing", "qa.fix.trim"],
  run({ input }) {
    const out: RawFinding[] = [];
    if (input.target.trim() === "") return out;
    const lead = leading(input.target);
    if (lead > 0 && leading(input.source) === 0)
      out.push({
        messageKey: "qa.edge-space.leading",
        params: {},
        span: { start: 0, end: lead, side: "target" },
        fix: { messageKey: "qa.fix.trim", edits: [{ start: 0, end: lead, text: "" }] },
        key: "edge-space:leading",
      });
    const trail = input.target.length - trailing(input.target);
    if (trail < input.target.length && trailing(input.source) === 0)
      out.push({
        messageKey: "qa.edge-space.trailing",
        params: {},
        span: { start: trail, end: input.target.length, side: "target" },
        fix: { messageKey: "qa.fix.trim", edits: [{ start: trail, end: input.target.length, text: "" }] },
        key: "edge-space:trailing",
      });
    return out;
  },
};

// Two or more spaces (ordinary, no-break, narrow) inside the text; the edges are edge-space's.
const RUN = /(?<=\S)[ \u00a0\u202f]{2,}(?=\S)/gu;

export const doubleSpace: Check = {
  code: "double-space",
  messageKeys: ["qa.double-space.found", "qa.fix.single-space"],
  run({ input }) {
    const out: RawFinding[] = [];
    let n = 0;
    for (const m of input.target.matchAll(RUN)) {
      // Keep a no-break space if the run had one: it was put there on purpose ("1 234", "м. Астана").
      const text = m[0].includes("\u00a0") ? "\u00a0" : m[0].includes("\u202f") ? "\u202f" : " ";
      out.push({
        messageKey: "qa.double-space.found",
        params: {},
        span: { start: m.index, end: m.index + m[0].length, side: "target" },
        fix: { messageKey: "qa.fix.single-space", edits: [{ start: m.index, end: m.index + m[0].length, text }] },
        key: `double-space:${n++}`,
      });
    }
    return out;
  },
};
