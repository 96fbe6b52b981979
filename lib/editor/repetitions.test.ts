import { describe, expect, it } from "vitest";
import { repetitionOf, repetitionsToFill } from "./repetitions";
import { editorRow } from "./rows";

const row = (id: string, position: number, source: string, text = "", status = "new") =>
  editorRow({ id, position, kind: "paragraph", source, wordCount: 1 }, ["en"], () => ({ text, status, version: 1 }));

describe("repetitions in the editor", () => {
  const rows = [
    row("a", 1, "Державна служба."),
    row("b", 2, "Інший абзац."),
    row("c", 3, "Державна  служба. ", "Already here."),
    row("d", 4, "Державна\u00a0служба."),
    row("e", 5, "Державна служба!"),
  ];

  it("the other paragraphs with the same normalised source and no translation are filled", () => {
    expect(repetitionsToFill(rows, "a", "en")).toEqual(["d"]);
    expect(repetitionsToFill(rows, "b", "en")).toEqual([]);
  });

  it("a draft still holding the confirmed text of its twin is a repetition of it", () => {
    const filled = [row("a", 1, "Один.", "One.", "translated"), row("b", 2, "Один.", "One.", "draft")];
    expect(repetitionOf(filled, "b", "en")?.id).toBe("a");
    const edited = [row("a", 1, "Один.", "One.", "translated"), row("b", 2, "Один.", "One!", "draft")];
    expect(repetitionOf(edited, "b", "en")).toBeNull();
    expect(repetitionOf(filled, "a", "en")).toBeNull();
  });
});
