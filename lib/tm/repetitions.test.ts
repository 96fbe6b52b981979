import { describe, expect, it } from "vitest";
import { planRepetitionFills, repeatedParagraphs } from "./repetitions";

const p = (id: string, source: string, text = "", status = text ? "translated" : "new") => ({
  id,
  source,
  translation: { text, status },
});

describe("repetitions", () => {
  it("finds paragraphs repeating an earlier one, spacing aside", () => {
    const found = repeatedParagraphs([
      { id: "a", source: "Мета реформи." },
      { id: "b", source: "Інше." },
      { id: "c", source: "Мета  реформи." },
      { id: "d", source: "Мета реформи." },
      { id: "e", source: "  " },
    ]);
    expect([...found]).toEqual([
      ["c", "a"],
      ["d", "a"],
    ]);
  });

  it("fills untranslated repetitions from a confirmed first occurrence, as drafts", () => {
    const paragraphs = [
      p("a", "Мета реформи.", "The aim of the reform.", "approved"),
      p("b", "Мета реформи."),
      p("c", "Мета реформи.", "Already mine.", "draft"),
      p("d", "Інше.", "Other.", "draft"),
      p("e", "Інше."),
    ];
    expect(planRepetitionFills(paragraphs)).toEqual([
      { segmentId: "b", fromSegmentId: "a", text: "The aim of the reform.", status: "draft" },
    ]);
    expect(planRepetitionFills(paragraphs, "a")).toHaveLength(1);
    expect(planRepetitionFills(paragraphs, "d")).toEqual([]);
  });
});
