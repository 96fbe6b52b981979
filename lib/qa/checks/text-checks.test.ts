// untranslated, same-as-source, edge-space, double-space, repeated-word, mixed-script, uk-letters-in-kk
import { describe, expect, it } from "vitest";
import { applyFix } from "../fix";
import { runChecks } from "../run";
import { resolveQaSettings } from "../settings";

const settings = resolveQaSettings();
const run = (check: string, source: string, target: string, targetLang = "en") =>
  runChecks({ source, target, sourceLang: "uk", targetLang }, settings).filter((f) => f.check === check);
const fixed = (check: string, source: string, target: string, targetLang = "en") =>
  applyFix(target, run(check, source, target, targetLang)[0].fix!);

describe("untranslated and same-as-source", () => {
  it("an empty or blank target is untranslated, and nothing else is checked", () => {
    const all = runChecks({ source: "Текст [53].", target: "  ", sourceLang: "uk", targetLang: "en" }, settings);
    expect(all.map((f) => [f.check, f.severity])).toEqual([["untranslated", "error"]]);
  });

  it("a copied source is flagged; numbers, symbols and Latin-script names are not", () => {
    expect(run("same-as-source", "Реформа державної служби", "Реформа державної служби", "kk")).toHaveLength(1);
    expect(run("same-as-source", "2013–2014", "2013–2014")).toEqual([]);
    expect(run("same-as-source", "1.2.", "1.2.")).toEqual([]);
    expect(run("same-as-source", "UNDP", "UNDP")).toEqual([]);
    expect(
      run("same-as-source", "Smith J. Public Administration. 2010.", "Smith J. Public Administration. 2010."),
    ).toEqual([]);
  });
});

describe("edge-space and double-space", () => {
  it("trims a leading or trailing space the source does not have", () => {
    expect(fixed("edge-space", "Текст.", " Text.")).toBe("Text.");
    expect(fixed("edge-space", "Текст.", "Text.  ")).toBe("Text.");
    expect(run("edge-space", "Текст. ", "Text. ")).toEqual([]);
  });

  it("one space for two, keeping a no-break space", () => {
    expect(fixed("double-space", "a", "the  Agency")).toBe("the Agency");
    expect(fixed("double-space", "a", "1\u00a0 234")).toBe("1\u00a0234");
    expect(run("double-space", "a", "the  Agency  for")).toHaveLength(2);
    expect(run("double-space", "a", "one space, then\ta tab")).toEqual([]);
  });
});

describe("repeated-word", () => {
  it("flags a doubled word and removes the second", () => {
    expect(fixed("repeated-word", "x", "in the the region")).toBe("in the region");
    expect(run("repeated-word", "x", "у у регіоні", "uk")[0].params).toEqual({ word: "у" });
    expect(run("repeated-word", "x", "Мемлекеттік мемлекеттік қызмет", "kk")).toHaveLength(1);
  });

  it.each([
    ["what she had had", "en"],
    ["he said that that was wrong", "en"],
    ["так, так", "uk"],
    ["тез-тез", "kk"],
    ["ще і ще", "uk"],
  ])("%s: not flagged", (target, lang) => {
    expect(run("repeated-word", "x", target, lang)).toEqual([]);
  });
});

describe("mixed-script", () => {
  it("a Latin look-alike in a Cyrillic word, fixed to Cyrillic", () => {
    const target = "Казахстaн"; // Latin a
    expect(run("mixed-script", "Казахстан", target, "kk")[0]).toMatchObject({
      messageKey: "qa.mixed-script.mixed",
      span: { start: 0, end: 9 },
      severity: "error",
    });
    expect(fixed("mixed-script", "x", target, "kk")).toBe("Казахстан");
    expect(fixed("mixed-script", "x", "Агенцiя", "uk")).toBe("Агенція"); // Latin i
    expect(fixed("mixed-script", "x", "Нaрр", "kk")).toBe("Нарр");
  });

  it("a Cyrillic look-alike in an English word, fixed to Latin", () => {
    expect(fixed("mixed-script", "x", "the Аgency")).toBe("the Agency"); // Cyrillic А
    expect(fixed("mixed-script", "x", "Kazakhstаn")).toBe("Kazakhstan");
  });

  it("a whole Cyrillic word in English text", () => {
    expect(run("mixed-script", "x", "the Агентство reform")[0]).toMatchObject({
      messageKey: "qa.mixed-script.cyrillic-in-latin",
      params: { word: "Агентство" },
    });
  });

  it.each([
    ["e-урядування розвивається", "uk"],
    ["UNDP та ООН", "uk"],
    ["БҰҰДБ және UNDP", "kk"],
    ["мемлекеттік қызмет", "kk"],
  ])("%s: not flagged", (target, lang) => {
    expect(run("mixed-script", "x", target, lang)).toEqual([]);
  });
});

describe("uk-letters-in-kk", () => {
  it("flags є, ї, ґ and a word-inner apostrophe in Kazakh", () => {
    expect(run("uk-letters-in-kk", "x", "Київ қаласы", "kk").map((f) => f.params)).toEqual([
      { word: "Київ", letter: "ї" },
    ]);
    expect(run("uk-letters-in-kk", "x", "єдиний саясат", "kk")).toHaveLength(1);
    expect(run("uk-letters-in-kk", "x", "ґрунт", "kk")).toHaveLength(1);
    expect(run("uk-letters-in-kk", "x", "п’ять сарапшы", "kk")[0]).toMatchObject({
      messageKey: "qa.uk-letters-in-kk.apostrophe",
      span: { start: 0, end: 5 },
    });
  });

  it("never flags і, which is Kazakh too, nor Latin names with an apostrophe", () => {
    expect(run("uk-letters-in-kk", "x", "Мемлекеттік қызмет істері агенттігі", "kk")).toEqual([]);
    expect(run("uk-letters-in-kk", "x", "O'Brien мырза", "kk")).toEqual([]);
  });

  it("is about Kazakh only", () => {
    expect(run("uk-letters-in-kk", "x", "єдиний", "uk")).toEqual([]);
  });
});
