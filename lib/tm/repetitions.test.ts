import { describe, expect, it } from "vitest";
import { planRepetitions, repeatedParagraphs } from "./repetitions";

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

  it("a confirmed paragraph fills the open repetitions only: empty ones and untouched fills, never a person's work", () => {
    const t = (text: string, status: string, origin: string | null = null, originEdited = false) => ({
      id: `t-${text}-${status}`,
      text,
      status,
      version: 1,
      origin,
      originEdited,
    });
    const candidates = [
      { segmentId: "b", source: "Мета  реформи.", translation: t("", "new") },
      { segmentId: "c", source: "Мета реформи.", translation: null },
      { segmentId: "d", source: "Мета реформи.", translation: t("Mine.", "draft") },
      { segmentId: "e", source: "Мета реформи.", translation: t("Fuzzy.", "draft", "memory") },
      { segmentId: "f", source: "Мета реформи.", translation: t("Fuzzy, edited.", "draft", "memory", true) },
      { segmentId: "g", source: "Мета реформи.", translation: t("Approved.", "approved") },
      { segmentId: "h", source: "Мета реформи.", translation: t("Exact.", "translated", "memory") },
      { segmentId: "i", source: "Мета реформи.", translation: t("Sent back.", "rejected") },
      { segmentId: "j", source: "Мета реформи.", translation: t("The aim of the reform.", "draft", "repetition") },
      { segmentId: "k", source: "Інше.", translation: t("", "new") },
    ];
    const fills = planRepetitions(
      { segmentId: "a", source: "Мета реформи.", text: "The aim of the reform." },
      candidates,
    );
    expect(fills).toEqual(
      ["b", "c", "e"].map((segmentId) => ({
        segmentId,
        fromSegmentId: "a",
        text: "The aim of the reform.",
        status: "draft",
      })),
    );
    expect(planRepetitions({ segmentId: "a", source: "  ", text: "x" }, candidates)).toEqual([]);
  });
});
