import { describe, expect, it } from "vitest";
import { anchorAt, followAnchor, reanchor, splitBySpans } from "./anchor";

/** The anchor a reviewer makes by selecting `words` (the `nth` occurrence, from 0) in `text`. */
function select(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" not in "${text}"`);
  return anchorAt(text, at, at + words.length);
}
/** What the anchor covers in `text` now, or null ("text changed"). */
const covered = (text: string, anchor: ReturnType<typeof select>) => {
  const at = reanchor(text, anchor);
  return at && { ...at, words: text.slice(at.start, at.end) };
};

describe("anchorAt", () => {
  it("keeps the quote and up to 32 characters on each side", () => {
    const text = `${"a".repeat(40)}Agency${"b".repeat(40)}`;
    expect(anchorAt(text, 40, 46)).toEqual({
      start: 40,
      end: 46,
      text: "Agency",
      prefix: "a".repeat(32),
      suffix: "b".repeat(32),
    });
    expect(anchorAt("Agency works", 0, 6)).toMatchObject({ prefix: "", suffix: " works" });
  });
});

describe("reanchor: the issue's cases", () => {
  it("typing a word inside a highlighted span keeps the highlight on the edited span", () => {
    const before = "The Agency for Civil Service Affairs opened a regional hub.";
    const anchor = select(before, "Agency for Civil Service Affairs");
    const after = "The Agency for State Civil Service Affairs opened a regional hub.";
    expect(covered(after, anchor)).toEqual({ start: 4, end: 42, words: "Agency for State Civil Service Affairs" });

    // A short span, and a long word typed into it.
    const hub = select("Now the Regional Hub is at stage 2.", "Regional Hub");
    expect(covered("Now the Regional Civil Service Hub is at stage 2.", hub)?.words).toBe("Regional Civil Service Hub");
  });

  it("typing inside the span keeps it there even when the quoted words also stand later", () => {
    const before = "the civil service and the civil service";
    const anchor = select(before, "civil service");
    expect(covered("the civil state service and the civil service", anchor)).toEqual({
      start: 4,
      end: 23,
      words: "civil state service",
    });
  });

  it("fixing the first occurrence of a phrase does not move the note to a later occurrence", () => {
    const before = "Civil service reform: the civil service of Kazakhstan and the civil service of Ukraine.";
    const anchor = select(before, "civil service");
    const fixed = "Civil service reform: the public service of Kazakhstan and the civil service of Ukraine.";
    expect(covered(fixed, anchor)).toEqual({ start: 26, end: 40, words: "public service" });

    // At the very start of the text too.
    const first = select("civil service and civil service", "civil service");
    expect(covered("public service and civil service", first)?.words).toBe("public service");
  });

  it("when the text is gone, says so instead of moving to other words", () => {
    const anchor = select("civil service and civil service", "civil service");
    // The first phrase deleted: the later one is not it.
    expect(covered("and civil service", anchor)).toBeNull();
    // Rewritten with other words.
    expect(covered("an office and civil service", anchor)).toBeNull();
    expect(reanchor("The Office works", select("The Agency works", "Agency"))).toBeNull();
  });

  it("a note on the later occurrence stays there when the first is fixed", () => {
    const anchor = select("civil service and civil service", "civil service", 1);
    expect(covered("public service and civil service", anchor)).toEqual({ start: 19, end: 32, words: "civil service" });
  });
});

describe("reanchor: other edits", () => {
  const base = "The Agency works";
  const anchor = select(base, "Agency");
  it("keeps the offsets while the words and their surroundings are there", () => {
    expect(reanchor(base, anchor)).toEqual({ start: 4, end: 10 });
  });
  it("follows the words when text is typed before or after them", () => {
    expect(covered("Today the new Agency works", anchor)?.words).toBe("Agency");
    expect(covered("The Agency works well now", anchor)).toEqual({ start: 4, end: 10, words: "Agency" });
  });
  it("leaves text typed right at the edge of the span outside it", () => {
    const start = select("Agency works", "Agency");
    expect(covered("The new Agency works", start)).toEqual({ start: 8, end: 14, words: "Agency" });
    expect(covered("The Agency's office works", anchor)?.words).toBe("Agency");
  });
  it("follows a typo fixed inside the quote", () => {
    const typo = select("The Agncy for civil service works", "Agncy for civil service");
    expect(covered("The Agency for civil service works", typo)?.words).toBe("Agency for civil service");
  });
  it("works with Cyrillic", () => {
    const uk = select("Агентство у справах державної служби створило хаб.", "державної служби");
    expect(covered("Агентство у справах державної цивільної служби створило хаб.", uk)?.words).toBe(
      "державної цивільної служби",
    );
  });
  it("follows the nearest occurrence for anchors stored without context", () => {
    const old = { start: 12, end: 18, text: "Agency" };
    expect(reanchor("Agency: The Agency and the Agency", old)).toEqual({ start: 12, end: 18 });
    expect(reanchor("xxAgency yy The Agency", { start: 1, end: 7, text: "Agency" })).toEqual({ start: 2, end: 8 });
    expect(reanchor("The Office works", { start: 4, end: 10, text: "Agency" })).toBeNull();
  });
  it("step by step, as a translator types, with the anchor renewed after each save", () => {
    let text = "The Agency for Civil Service Affairs";
    let current: ReturnType<typeof followAnchor> = select(text, "Civil Service");
    for (const next of [
      "The Agency for Civil State Service Affairs",
      "Today the Agency for Civil State Service Affairs",
      "Today the Agency for Public State Service Affairs",
    ]) {
      current = followAnchor(next, current!);
      text = next;
    }
    expect(current?.text).toBe("Public State Service");
    expect(text.slice(current!.start, current!.end)).toBe("Public State Service");
  });
});

describe("splitBySpans", () => {
  it("marks overlapping spans and keeps every character", () => {
    const pieces = splitBySpans("абвгдеж", [
      { start: 1, end: 4, id: "a" },
      { start: 3, end: 6, id: "b" },
    ]);
    expect(pieces).toEqual([
      { text: "а", ids: [] },
      { text: "бв", ids: ["a"] },
      { text: "г", ids: ["a", "b"] },
      { text: "де", ids: ["b"] },
      { text: "ж", ids: [] },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("абвгдеж");
  });
});
