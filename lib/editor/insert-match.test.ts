import { describe, expect, it } from "vitest";
import { withMatch } from "./insert-match";

describe("inserting a memory match", () => {
  it("a paragraph match replaces the translation", () => {
    expect(withMatch("Old text.", { target: "New text." }, { start: 3, end: 3 })).toBe("New text.");
  });

  it("a sentence match fills an empty translation", () => {
    expect(withMatch("  ", { target: "One.", sentence: 0 }, null)).toBe("One.");
  });

  it("a sentence match goes after the text when the field has no caret", () => {
    expect(withMatch("First sentence. ", { target: "Second one.", sentence: 1 }, null)).toBe(
      "First sentence. Second one.",
    );
  });

  it("a sentence match goes at the caret, spaced from the words around it", () => {
    expect(withMatch("First.Third.", { target: "Second.", sentence: 1 }, { start: 6, end: 6 })).toBe(
      "First. Second. Third.",
    );
    expect(withMatch("First. Third.", { target: "Second.", sentence: 1 }, { start: 7, end: 7 })).toBe(
      "First. Second. Third.",
    );
  });

  it("a selection is replaced", () => {
    expect(withMatch("First. XXX Third.", { target: "Second.", sentence: 1 }, { start: 7, end: 10 })).toBe(
      "First. Second. Third.",
    );
  });
});
