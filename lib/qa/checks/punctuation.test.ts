// brackets, quotes, end-punctuation
import { describe, expect, it } from "vitest";
import { applyFix } from "../fix";
import { runChecks } from "../run";
import { type QaSettingsInput, resolveQaSettings } from "../settings";
import type { CheckInput } from "../types";

const run = (
  check: string,
  source: string,
  target: string,
  targetLang = "en",
  extra: Partial<CheckInput> = {},
  input: QaSettingsInput = {},
) =>
  runChecks({ source, target, sourceLang: "uk", targetLang, ...extra }, resolveQaSettings(input)).filter(
    (f) => f.check === check,
  );

describe("brackets", () => {
  it("flags an unclosed and an unopened bracket", () => {
    expect(run("brackets", "(ПРООН) діє.", "(UNDP acts.").map((f) => [f.messageKey, f.span?.start])).toEqual([
      ["qa.brackets.unclosed", 0],
    ]);
    expect(run("brackets", "(ПРООН) діє.", "UNDP) acts.").map((f) => f.messageKey)).toEqual(["qa.brackets.unopened"]);
    expect(run("brackets", "текст", "a (b [c) d").map((f) => [f.params.bracket, f.messageKey])).toEqual([
      ["[", "qa.brackets.unclosed"],
    ]);
  });

  it.each([
    ["1) аналіз реформ;", "1) analysis of reforms;"],
    ["а) аналіз;", "a) analysis;"],
    ["(див. [52, с. 5])", "(see [52, p. 5])"],
    ["продовження цитати) і далі", "the quotation goes on) and further"],
  ])("%s ↔ %s: not flagged", (source, target) => {
    expect(run("brackets", source, target)).toEqual([]);
  });
});

describe("quotes", () => {
  it("«…» in the source and “…” in English is right", () => {
    expect(
      run("quotes", "круглого столу «Реформа державної служби».", "the round table “Civil Service Reform”."),
    ).toEqual([]);
  });

  it.each([
    ["uk", "«Він сказав: „так“»", []],
    ["en", "“He said: ‘yes’”", []],
    ["kk", "«Ол: “иә” деді»", []],
    ["en", "Kazakhstan’s reform, the states’ powers", []],
    ["uk", "п’ять, м'який", []],
  ])("%s %s is in style", (lang, target, expected) => {
    expect(run("quotes", "x", target, lang)).toEqual(expected);
  });

  it("«…» in English is the wrong style, and the fix writes “…”", () => {
    const target = "the round table «Civil Service Reform».";
    const [f] = run("quotes", "«Реформа»", target);
    expect(f).toMatchObject({ messageKey: "qa.quotes.style", params: { expected: "“…”", found: "«…»" } });
    expect(applyFix(target, f.fix!)).toBe("the round table “Civil Service Reform”.");
  });

  it("fixes nested quotes by level, and straight quotes", () => {
    const target = "«Він сказав: «так»»";
    const findings = run("quotes", "x", target, "uk");
    expect(findings.map((f) => f.params.found)).toEqual(["«…»"]);
    expect(applyFix(target, findings[0].fix!)).toBe("«Він сказав: „так“»");
    const straight = 'He said "yes".';
    expect(applyFix(straight, run("quotes", "x", straight)[0].fix!)).toBe("He said “yes”.");
  });

  it("Kazakh and English in their project's own style", () => {
    const custom = { quotes: { kk: { primary: ["«", "»"], secondary: ["„", "“"] } } } as QaSettingsInput;
    expect(run("quotes", "x", "«Ол: „иә“ деді»", "kk", {}, custom)).toEqual([]);
    expect(run("quotes", "x", "«Ол: “иә” деді»", "kk", {}, custom).map((f) => f.messageKey)).toEqual([
      "qa.quotes.style",
    ]);
  });

  it("an unclosed quotation, unless the source leaves one open too (a quotation over paragraphs)", () => {
    expect(run("quotes", "«Це проект».", "“This is a project.").map((f) => f.messageKey)).toEqual([
      "qa.quotes.unclosed",
    ]);
    expect(run("quotes", "«Це проект.", "“This is a project.")).toEqual([]);
    expect(run("quotes", "x", "a project” he said").map((f) => f.messageKey)).toEqual(["qa.quotes.unopened"]);
  });
});

describe("end-punctuation", () => {
  it.each([
    ["Реформа триває.", "The reform goes on."],
    ["визначені наступні:", "are as follows:"],
    ["Чому?", "Why?"],
    ["Наступний семінар...", "The next seminar…"],
    ["досвід перехідних країн».", "of transition countries.”"],
    ["прогрес [52, с. 5].", "progress [52, p. 5]."],
    ["Вступ", "Introduction"],
    ["Семінар на тему: «Актуальні проблеми».", "A seminar on the topic: Current problems."],
  ])("%s ↔ %s: not flagged", (source, target) => {
    expect(run("end-punctuation", source, target)).toEqual([]);
  });

  it("list items may end in ; , . or nothing", () => {
    for (const target of ["analysis of reforms;", "analysis of reforms", "analysis of reforms."])
      expect(run("end-punctuation", "аналіз реформ;", target, "en", { kind: "list_item" })).toEqual([]);
    expect(run("end-punctuation", "аналіз реформ;", "analysis of reforms?", "en", { kind: "list_item" })).toHaveLength(
      1,
    );
  });

  it("flags a lost stop, an added one, and a different mark", () => {
    expect(run("end-punctuation", "Реформа триває.", "The reform goes on")[0]).toMatchObject({
      messageKey: "qa.end-punctuation.missing",
      params: { expected: "." },
      span: { start: 17, end: 18 },
    });
    expect(run("end-punctuation", "Вступ", "Introduction.")[0].messageKey).toBe("qa.end-punctuation.added");
    expect(run("end-punctuation", "Чому?", "Why.")[0]).toMatchObject({
      messageKey: "qa.end-punctuation.different",
      params: { expected: "?", found: "." },
    });
  });
});
