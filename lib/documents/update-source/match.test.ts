import { describe, expect, it } from "vitest";
import { countMatches, matchParagraphs, similarity } from "./match";

describe("matching a new source to the old one", () => {
  it("keeps identical paragraphs in order, finds changed, new and removed ones", () => {
    const old = [
      "Державна служба Казахстану пройшла кілька етапів реформ.",
      "Перший етап тривав з 1991 по 1998 рік.",
      "Другий етап почався у 1999 році з ухвалення закону.",
      "Цей абзац приберуть.",
      "Висновки зроблено наприкінці.",
    ];
    const next = [
      old[0],
      "Перший етап тривав з 1991 по 1999 рік.",
      old[2],
      "Зовсім новий абзац про антикорупційні заходи.",
      old[4],
    ];
    const m = matchParagraphs(old, next);
    expect(m.matches.map((x) => x.kind)).toEqual(["kept", "changed", "kept", "added", "kept"]);
    expect(m.matches[1]).toMatchObject({ old: 1 });
    expect(m.removed).toEqual([3]);
    expect(countMatches(m)).toEqual({ kept: 3, changed: 1, added: 1, removed: 1 });
  });

  it("finds a moved paragraph by its identical text and counts it as kept", () => {
    const m = matchParagraphs(["A one.", "B two.", "C three."], ["C three.", "A one.", "B two."]);
    expect(m.matches).toEqual([
      { kind: "moved", old: 2 },
      { kind: "kept", old: 0 },
      { kind: "kept", old: 1 },
    ]);
    expect(countMatches(m)).toEqual({ kept: 3, changed: 0, added: 0, removed: 0 });
  });

  it("pairs a changed paragraph only at 70 % similarity or more", () => {
    expect(similarity("abcdefghij", "abcdefgXYZ")).toBeCloseTo(0.7);
    expect(matchParagraphs(["abcdefghij"], ["abcdefgXYZ"]).matches[0].kind).toBe("changed");
    expect(matchParagraphs(["abcdefghij"], ["abcdefWXYZ"]).matches[0].kind).toBe("added");
  });

  it("pairs changed paragraphs in order, never across an identical one", () => {
    const old = ["Alpha paragraph one.", "Same.", "Beta paragraph two."];
    // The edited copy of the first paragraph comes after "Same.": it may not take the old first one.
    const m = matchParagraphs(old, ["Same.", "Alpha paragraph 1.", "Beta paragraph 2."]);
    expect(m.matches[0]).toEqual({ kind: "kept", old: 1 });
    expect(m.matches[1].kind).toBe("added");
    expect(m.matches[2]).toMatchObject({ kind: "changed", old: 2 });
    expect(m.removed).toEqual([0]);
  });

  it("takes the most similar candidate and keeps the order after it", () => {
    const old = ["The quick brown fox jumps.", "The quick brown fox jumped over.", "Tail text here."];
    const m = matchParagraphs(old, ["The quick brown fox jumped over!", "Tail text here!"]);
    expect(m.matches[0]).toMatchObject({ kind: "changed", old: 1 });
    expect(m.matches[1]).toMatchObject({ kind: "changed", old: 2 });
    expect(m.removed).toEqual([0]);
  });
});
