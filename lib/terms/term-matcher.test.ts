// findAll looks a short run of glossary words up by its sub-sequences and hands a long run (more
// than 12 known words in a row) to the automaton: both must find every occurrence, overlaps included,
// and nothing across an unknown word or a sentence break.
import { describe, expect, it } from "vitest";
import { TermMatcher } from "./term-matcher";

const matcher = new TermMatcher("uk", [
  { term: "державна служба", caseSensitive: false, payload: { id: "civil" } },
  { term: "служба", caseSensitive: false, payload: { id: "service" } },
  { term: "служба державна служба", caseSensitive: false, payload: { id: "three" } },
]);

const counts = (text: string) => {
  const out: Record<string, number> = {};
  for (const hit of matcher.findAll(text)) out[hit.id] = (out[hit.id] ?? 0) + 1;
  return out;
};

describe("TermMatcher.findAll", () => {
  it.each([3, 7, 20])("finds every occurrence in %i pairs of glossary words in a row", (pairs) => {
    const text = Array.from({ length: pairs }, () => "державної служби").join(" ");
    expect(counts(text)).toEqual({ civil: pairs, service: pairs, three: pairs - 1 });
  });

  it("matches nothing across an unknown word or a sentence break, in short and long runs", () => {
    const long = Array.from({ length: 8 }, () => "державна служба").join(" ");
    expect(counts(`служба і державна служба. Служба, державна служба ${long}`)).toEqual({
      civil: 10,
      service: 12,
      three: 8,
    });
  });

  it("gives offsets into the text", () => {
    const text = "Уся державна служба: служба";
    expect(
      matcher
        .findAll(text)
        .map((h) => text.slice(h.start, h.end))
        .sort(),
    ).toEqual(["державна служба", "служба", "служба"]);
  });
});
