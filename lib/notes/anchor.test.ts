import { describe, expect, it } from "vitest";
import { reanchor, splitBySpans } from "./anchor";

describe("reanchor", () => {
  const anchor = { start: 4, end: 10, text: "Agency" };
  it("keeps the offsets while the words are still there", () => {
    expect(reanchor("The Agency works", anchor)).toEqual({ start: 4, end: 10 });
  });
  it("follows the words when text is typed before them", () => {
    expect(reanchor("Today the new Agency works", anchor)).toEqual({ start: 14, end: 20 });
  });
  it("picks the occurrence nearest the old place", () => {
    expect(reanchor("Agency: The Agency and the Agency", { start: 12, end: 18, text: "Agency" })).toEqual({
      start: 12,
      end: 18,
    });
    expect(reanchor("xxAgency yy The Agency", { start: 1, end: 7, text: "Agency" })).toEqual({ start: 2, end: 8 });
  });
  it("says null when the words are gone", () => {
    expect(reanchor("The Office works", anchor)).toBeNull();
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
