// The settings form keeps only what differs from the defaults, in the shape QaSettingsInput accepts.
import { describe, expect, it } from "vitest";
import { QaSettingsInput } from "@/lib/qa/settings";
import { settingsFromForm } from "./settings-from-form";

function form(fields: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

const untouched: [string, string][] = [
  ["lang", "en"],
  ["lang", "kk"],
  ["severity.numbers", "error"],
  ["severity.double-space", "info"],
  ["quotes.en", "“”‘’"],
  ["quotes.kk", "«»“”"],
  ["citations.brackets", "on"],
  ["citations.patterns", ""],
  ["dictionary.en", ""],
  ["dictionary.kk", ""],
  ["englishSpelling", "either"],
  ["length.minSamples", "30"],
];

describe("settingsFromForm", () => {
  it("stores nothing when every field is at its default", () => {
    expect(settingsFromForm(form(untouched))).toEqual({});
  });

  it("keeps the changed fields, which the settings schema accepts", () => {
    const changed = settingsFromForm(
      form([
        ["lang", "en"],
        ["lang", "kk"],
        ["severity.numbers", "error"],
        ["severity.double-space", "warning"],
        ["muted.length", "on"],
        ["quotes.en", "‘’“”"],
        ["quotes.kk", "«»“”"],
        ["citations.patterns", "\\(\\p{Lu}\\pL+, \\d{4}\\)\r\n\r\n"],
        ["dictionary.kk", " хаб \nакимат\n"],
        ["englishSpelling", "gb"],
        ["length.minSamples", "50"],
      ]),
    );
    expect(changed).toEqual({
      severity: { "double-space": "warning" },
      muted: ["length"],
      quotes: { en: { primary: ["‘", "’"], secondary: ["“", "”"] } },
      citations: { brackets: false, patterns: ["\\(\\p{Lu}\\pL+, \\d{4}\\)"] },
      dictionary: { kk: ["хаб", "акимат"] },
      englishSpelling: "gb",
      length: { minSamples: 50 },
    });
    expect(QaSettingsInput.safeParse(changed).success).toBe(true);
  });
});
