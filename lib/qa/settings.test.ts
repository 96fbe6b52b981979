import { describe, expect, it } from "vitest";
import { runChecks } from "./run";
import { CHECK_CODES, DEFAULT_SEVERITY, QaSettingsInput, resolveQaSettings } from "./settings";

const input = { source: "У 2013 році  [53].", target: "In 2014  .", sourceLang: "uk", targetLang: "en" };

describe("QA settings", () => {
  it("defaults: every check on, with its documented severity", () => {
    const s = resolveQaSettings();
    expect(s.severity).toEqual(DEFAULT_SEVERITY);
    expect(Object.keys(DEFAULT_SEVERITY).sort()).toEqual([...CHECK_CODES].sort());
    expect(s.muted.size).toBe(0);
    expect(s.quotes.en).toEqual({ primary: ["“", "”"], secondary: ["‘", "’"] });
    expect(s.quotes.uk).toEqual({ primary: ["«", "»"], secondary: ["„", "“"] });
    expect(s.citations).toEqual({ brackets: true, patterns: [] });
    expect(s.length.minSamples).toBe(30);
    expect(s.englishSpelling).toBe("either");
  });

  it("a muted check says nothing; a severity set by the project is used", () => {
    const checks = (settings: QaSettingsInput) =>
      runChecks(input, resolveQaSettings(QaSettingsInput.parse(settings))).map((f) => [f.check, f.severity]);
    expect(checks({})).toEqual([
      ["numbers", "error"],
      ["citations", "error"],
      ["double-space", "info"],
    ]);
    expect(checks({ muted: ["citations"], severity: { numbers: "warning" } })).toEqual([
      ["numbers", "warning"],
      ["double-space", "info"],
    ]);
  });

  it("refuses unknown checks, severities and malformed words", () => {
    expect(QaSettingsInput.safeParse({ muted: ["grammar"] }).success).toBe(false);
    expect(QaSettingsInput.safeParse({ severity: { numbers: "fatal" } }).success).toBe(false);
    expect(QaSettingsInput.safeParse({ dictionary: { kk: ["<script>"] } }).success).toBe(false);
    expect(QaSettingsInput.safeParse({ dictionary: { kk: ["хаб", "O'Brien", "e-урядування"] } }).success).toBe(true);
  });
});
