import { describe, expect, it } from "vitest";
import { applyFix } from "../fix";
import { runChecks } from "../run";
import { QaSettingsInput, resolveQaSettings } from "../settings";

const run = (source: string, target: string, targetLang = "en", input: QaSettingsInput = {}) =>
  runChecks({ source, target, sourceLang: "uk", targetLang }, resolveQaSettings(input)).filter(
    (f) => f.check === "citations",
  );

describe("citations", () => {
  it.each([
    ["прогрес [52, с. 5].", "progress [52, p. 5].", "en"],
    ["прогрес [52, с. 5].", "прогресс [52, б. 5].", "kk"],
    ["реформи [53].", "reforms [53].", "en"],
    ["джерела [1–3].", "sources [1-3].", "en"],
    ["с. 5–7 [52, с. 5–7]", "pp. 5–7 [52, pp. 5–7]", "en"],
    ["[4; 7, т. 2, с. 12]", "[4; 7, vol. 2, p. 12]", "en"],
    ["[53] і [52, с. 5]", "[52, p. 5] and [53]", "en"],
  ])("%s ↔ %s: not flagged", (source, target, lang) => {
    expect(run(source, target, lang)).toEqual([]);
  });

  it("a deleted citation is missing, pointed at in the source, and the fix puts it back in English", () => {
    const source = "Казахстан домігся прогресу [52, с. 5]. Далі буде.";
    const target = "Kazakhstan has made progress. More follows.";
    const [f] = run(source, target);
    expect(f).toMatchObject({
      messageKey: "qa.citations.missing",
      params: { citation: "[52, с. 5]" },
      span: { start: 27, end: 37, side: "source" },
      severity: "error",
      key: "citations:missing:52,p5",
    });
    expect(applyFix(target, f.fix!)).toBe("Kazakhstan has made progress [52, p. 5]. More follows.");
  });

  it("puts a missing citation at the end of its sentence, in Kazakh with б.", () => {
    const [f] = run("Прогрес [52, с. 5–7].", "Прогресс.", "kk");
    expect(applyFix("Прогресс.", f.fix!)).toBe("Прогресс [52, б. 5–7].");
  });

  it("counts sentences past abbreviations and initials", () => {
    const source = "У м. Астана С. Тулл сказав. Він погодився [53]. Кінець.";
    const target = "In Astana S. Tull spoke. He agreed. The end.";
    const [f] = run(source, target);
    expect(applyFix(target, f.fix!)).toBe("In Astana S. Tull spoke. He agreed [53]. The end.");
  });

  it("a changed page or reference", () => {
    const [f] = run("[52, с. 5]", "[52, p. 6]");
    expect(f).toMatchObject({
      messageKey: "qa.citations.changed",
      params: { source: "[52, с. 5]", target: "[52, p. 6]" },
    });
    expect(applyFix("[52, p. 6]", f.fix!)).toBe("[52, p. 5]");
  });

  it("an added citation", () => {
    expect(run("реформи.", "reforms [53].").map((f) => f.messageKey)).toEqual(["qa.citations.added"]);
  });

  it("an unclosed bracket before long text is read in linear time (was exponential backtracking)", () => {
    // With the old pattern (\p{L}{1,6}\.?)* each of these took minutes; the test would time out.
    const long = `[53 ${"абвгдежзик ".repeat(40)}`;
    expect(run(long, long.replace("абв", "abc"))).toEqual([]);
    const abbreviations = `[5${" с.".repeat(40)} ааааааааа]`;
    expect(run(abbreviations, abbreviations)).toEqual([]);
  });

  it("a bracket without a number is not a citation", () => {
    expect(run("текст [sic].", "text.")).toEqual([]);
  });

  it("a project's own citation style, compared by its numbers", () => {
    const author = { citations: { patterns: ["\\([\\p{Lu}][\\p{L}-]+,\\s*\\d{4}(?:,\\s*\\pL+\\.\\s*\\d+)?\\)"] } };
    expect(run("(Іванов, 2010, с. 5).", "(Ivanov, 2010, p. 5).", "en", author)).toEqual([]);
    expect(run("(Іванов, 2010).", "(Ivanov, 2011).", "en", author).map((f) => f.messageKey)).toEqual([
      "qa.citations.changed",
    ]);
  });

  it("refuses a pattern RE2 cannot run in linear time, with the reason", () => {
    const parsed = QaSettingsInput.safeParse({ citations: { patterns: ["(a+)+\\1"] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/invalid escape/);
  });

  it("can be switched to the project's pattern only", () => {
    expect(run("[53]", "", "en", { citations: { brackets: false } })).toEqual([]);
    expect(run("[53]", "x", "en", { citations: { brackets: false } })).toEqual([]);
  });
});
