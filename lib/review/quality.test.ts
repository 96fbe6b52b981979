import { describe, expect, it } from "vitest";
import { computeQuality } from "./quality";

describe("computeQuality", () => {
  const errors = [
    { category: "accuracy.mistranslation", severity: "major" },
    { category: "accuracy.mistranslation", severity: "minor" },
    { category: "accuracy.omission", severity: "critical" },
    { category: "fluency.spelling", severity: "minor" },
    { category: "fluency.spelling", severity: "minor" },
    { category: "terminology", severity: "major" },
    // Not quality errors: ignored.
    { category: null, severity: null },
    { category: "style", severity: "unknown" },
  ];

  it("counts each category and severity and the MQM penalty per 1,000 words", () => {
    const report = computeQuality(errors, 412, 10, "en");
    const row = (c: string) => report.rows.find((r) => r.category === c);
    expect(row("accuracy.mistranslation")).toEqual({
      category: "accuracy.mistranslation",
      minor: 1,
      major: 1,
      critical: 0,
      points: 6,
    });
    expect(row("accuracy.omission")).toMatchObject({ critical: 1, points: 25 });
    expect(row("fluency.spelling")).toMatchObject({ minor: 2, points: 2 });
    expect(row("terminology")).toMatchObject({ major: 1, points: 5 });
    expect(row("style")).toMatchObject({ minor: 0, major: 0, critical: 0, points: 0 });
    expect(report.totals).toEqual({ minor: 3, major: 2, critical: 1, errors: 6, points: 38 });
    // 38 points × 1000 / 412 words = 92.233… → 92.23
    expect(report.penaltyPer1000).toBe(92.23);
    expect(report.pass).toBe(false);
  });

  it("passes at or under the threshold", () => {
    expect(computeQuality([{ category: "style", severity: "major" }], 1000, 5, "kk")).toMatchObject({
      penaltyPer1000: 5,
      pass: true,
    });
    expect(computeQuality([{ category: "style", severity: "major" }], 999, 5, "kk").pass).toBe(false);
    expect(computeQuality([], 0, 0, "kk")).toMatchObject({ penaltyPer1000: 0, pass: true });
  });
});
