import { describe, expect, it } from "vitest";
import { buildLengthModel, DEFAULT_RATIOS } from "./checks/length";
import { type DocumentEntry, runDocumentChecks } from "./document";
import { runChecks } from "./run";
import { resolveQaSettings } from "./settings";

const settings = resolveQaSettings({ muted: ["spelling"] });
const doc = (entries: DocumentEntry[], lengthModel?: Parameters<typeof runDocumentChecks>[0]["lengthModel"]) =>
  runDocumentChecks({ entries, sourceLang: "uk", targetLang: "en", lengthModel }, settings);
const of = (result: ReturnType<typeof doc>, check: string) =>
  result.findings.filter((f) => f.check === check).map((f) => [f.segmentId, f.messageKey, f.related]);

describe("inconsistent", () => {
  it("the same source translated two ways, each pointing at the other", () => {
    const result = doc([
      { id: "a", source: "Регіональний хаб.", target: "The Regional Hub." },
      { id: "b", source: "Регіональний  хаб.", target: "The regional centre." },
      { id: "c", source: "Регіональний хаб.", target: "The Regional Hub. " },
    ]);
    expect(of(result, "inconsistent")).toEqual([
      ["a", "qa.inconsistent.source", ["b"]],
      ["b", "qa.inconsistent.source", ["a", "c"]],
      ["c", "qa.inconsistent.source", ["b"]],
    ]);
  });

  it("the same translation for different sources", () => {
    const result = doc([
      { id: "a", source: "Агентство у справах державної служби.", target: "The Agency." },
      { id: "b", source: "Агентство з питань державної служби.", target: "The Agency." },
      { id: "c", source: "АГЕНТСТВО У СПРАВАХ ДЕРЖАВНОЇ СЛУЖБИ", target: "The Agency." },
    ]);
    expect(of(result, "inconsistent")).toEqual([
      ["a", "qa.inconsistent.target", ["b"]],
      ["b", "qa.inconsistent.target", ["a", "c"]],
      ["c", "qa.inconsistent.target", ["b"]],
    ]);
  });

  it("ignores untranslated paragraphs and sources without words", () => {
    const result = doc([
      { id: "a", source: "Текст.", target: "" },
      { id: "b", source: "Текст.", target: "Text." },
      { id: "c", source: "2013", target: "2013" },
      { id: "d", source: "2013.", target: "2013" },
    ]);
    expect(of(result, "inconsistent")).toEqual([]);
  });
});

describe("length", () => {
  const source = "Регіональний хаб покликаний стати багатосторонньою майданчиком для діалогу практиків.";

  it("by default: flags a translation far too short or too long for uk → en", () => {
    const check = (target: string) =>
      runChecks({ source, target, sourceLang: "uk", targetLang: "en" }, settings)
        .filter((f) => f.check === "length")
        .map((f) => [f.messageKey, f.params]);
    expect(check("The Regional Hub is to become a multilateral platform for dialogue between practitioners.")).toEqual(
      [],
    );
    expect(check("The Hub.")).toEqual([["qa.length.short", { percent: 9 }]]);
    expect(check(`${"The Regional Hub is to become a multilateral platform. ".repeat(5)}`)).toMatchObject([
      ["qa.length.long", {}],
    ]);
  });

  it("leaves short sources alone (headings vary too much)", () => {
    expect(
      runChecks(
        { source: "Вступ", target: "An introduction to the whole study", sourceLang: "uk", targetLang: "en" },
        settings,
      ),
    ).toEqual([]);
  });

  it("learns the project's ratio once there are enough confirmed paragraphs", () => {
    const pairs = Array.from({ length: 30 }, (_, i) => ({
      source: "а".repeat(100 + i),
      target: "b".repeat(2 * (100 + i)),
    }));
    expect(buildLengthModel(pairs.slice(0, 29), "uk", "en", 30)).toMatchObject({
      learned: false,
      ratio: DEFAULT_RATIOS["uk>en"],
    });
    const model = buildLengthModel(pairs, "uk", "en", 30);
    expect(model).toMatchObject({ learned: true, samples: 30, ratio: 2, factor: 1.5 });
  });

  it("a document learns from its own confirmed paragraphs and judges the rest by them", () => {
    // This project's translations run 2.5× the source: "far outside" for the default model, usual here.
    const confirmed = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      source: "а".repeat(100 + i),
      target: "b".repeat(Math.round(2.5 * (100 + i))),
      confirmed: true,
    }));
    const draft = { id: "d", source: "а".repeat(150), target: "b".repeat(375) };
    expect(of(doc([draft]), "length")).toEqual([["d", "qa.length.long", undefined]]);
    const learned = doc([...confirmed, draft]);
    expect(learned.lengthModel).toMatchObject({ learned: true, samples: 30 });
    expect(of(learned, "length")).toEqual([]);
    const short = { id: "e", source: "а".repeat(150), target: "b".repeat(120) };
    expect(of(doc([...confirmed, short]), "length")).toEqual([["e", "qa.length.short", undefined]]);
    expect(of(doc([short]), "length")).toEqual([]);
  });
});

describe("document runner", () => {
  it("gives every paragraph's findings with its id", () => {
    const result = doc([
      { id: "p1", source: "У 2013 році [53].", target: "In 2014 [53]." },
      { id: "p2", source: "Текст.", target: "" },
    ]);
    expect(result.findings.map((f) => [f.segmentId, f.check])).toEqual([
      ["p1", "numbers"],
      ["p2", "untranslated"],
    ]);
  });
});
