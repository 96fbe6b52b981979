// The worked examples of docs/translation-memory.md ("The match percentage"): each expected number
// is computed by hand from the formula there, not taken from the code.
import { describe, expect, it } from "vitest";
import { contextHash } from "./normalize";
import { replaceNumbers } from "./numbers";
import { compareMatches, prepareSource, type ScoreUnit, scoreMatch } from "./score";

const DOC = "doc-1";
const unit = (source: string, extra: Partial<ScoreUnit> = {}): ScoreUnit => ({
  source,
  target: "The Agency implements the personnel policy.",
  status: "translated",
  prevHash: null,
  nextHash: null,
  originDocumentId: DOC,
  ...extra,
});
const score = (current: string, source: string, extra: Partial<ScoreUnit> = {}, documentId: string | null = DOC) =>
  scoreMatch(prepareSource(current, { documentId }), unit(source, extra));

// 10 words: Агентство у справах державної служби забезпечує реалізацію єдиної кадрової політики.
const TEN = "Агентство у справах державної служби забезпечує реалізацію єдиної кадрової політики.";

describe("the match percentage", () => {
  it("is 100 for identical text, 99 from another document, and 100 when only white space differs", () => {
    expect(score(TEN, TEN).score).toBe(100);
    expect(score(TEN, TEN, { originDocumentId: "doc-2" }).score).toBe(99);
    expect(score(TEN, TEN, { originDocumentId: null }).score).toBe(99);
    const spaced = TEN.replace("у справах", "у\u00A0справах").replace("служби ", "служби   ");
    expect(score(spaced, TEN)).toMatchObject({ score: 100, exact: true, penalties: [] });
  });

  it("costs one point for a case difference, one for punctuation, two for both", () => {
    const lower = TEN.replace("Агентство", "агентство");
    const exclaimed = TEN.replace(/\.$/, "!");
    expect(score(lower, TEN)).toMatchObject({ score: 99, penalties: [{ reason: "case", points: 1 }] });
    expect(score(exclaimed, TEN)).toMatchObject({ score: 99, penalties: [{ reason: "punctuation", points: 1 }] });
    expect(score(lower.replace(/\.$/, "!"), TEN).score).toBe(98);
    // Another apostrophe, or only the spacing around a sign: still not identical.
    expect(score("М’які умови праці.", "М'які умови праці.").score).toBe(99);
    expect(score("Ставка зросла на 5 %.", "Ставка зросла на 5%.").score).toBe(99);
  });

  it("is the word-level edit similarity, rounded down, for other differences", () => {
    // One word of 10 replaced: 1 − 1/10 = 0.9.
    expect(score(TEN, TEN.replace("єдиної", "нової")).score).toBe(90);
    // One word more in the memory's source: 1 − 1/11 = 0.909 → 90.
    expect(score(TEN, TEN.replace("єдиної", "єдиної державної")).score).toBe(90);
    // Two of 10 replaced, from another document: 80 − 1.
    expect(
      score(TEN, TEN.replace("єдиної", "нової").replace("Агентство", "Міністерство"), { originDocumentId: "x" }).score,
    ).toBe(79);
    // Case is not a word difference: "агентство" = "Агентство"; the replaced word is.
    expect(score(TEN.replace("Агентство", "агентство"), TEN.replace("єдиної", "нової")).score).toBe(90);
  });

  it("never reaches 100 for a long text that differs in one word", () => {
    const words = Array.from({ length: 200 }, (_, i) => `слово${String.fromCharCode(0x430 + (i % 32))}${i}`);
    const changed = [...words];
    changed[100] = "інше";
    // 1 − 1/200 = 0.995 → 99.
    expect(score(words.join(" "), changed.join(" ")).score).toBe(99);
  });

  it("offers a match whose source differs only in numbers with the current numbers, for one point", () => {
    const result = score("У 2014 році проведено 3 семінари.", "У 2013 році проведено 2 семінари.", {
      target: "In 2013, 2 seminars were held.",
    });
    expect(result).toMatchObject({ score: 99, numbersReplaced: true, target: "In 2014, 3 seminars were held." });
    expect(result.penalties).toEqual([{ reason: "numbers_replaced", points: 1 }]);
  });

  it("costs two points more when numbers differ and cannot be replaced", () => {
    // The target writes "2" as a word: 6 words, 2 differ: 1 − 2/6 = 0.667 → 66, − 2 = 64.
    expect(
      score("У 2014 році проведено 3 семінари.", "У 2013 році проведено 2 семінари.", {
        target: "Two seminars were held in 2013.",
      }),
    ).toMatchObject({ score: 64, numbersReplaced: false });
    // Numbers and a word differ: 6 words, 2 differ → 66 − 2 = 64.
    expect(score("Агентство провело 5 семінарів у Астані.", "Агентство провело 6 семінарів у Києві.").score).toBe(64);
  });

  it("is 101 when the previous and next source sentences match too, less a point for a draft", () => {
    const context = { prevHash: contextHash("Попереднє речення."), nextHash: contextHash(null) };
    const current = prepareSource(TEN, { ...context, documentId: "doc-2" });
    expect(scoreMatch(current, unit(TEN, context))).toMatchObject({ score: 101, context: true, penalties: [] });
    expect(scoreMatch(current, unit(TEN, { ...context, status: "draft" })).score).toBe(100);
    // Another neighbour: an ordinary exact match (from another document: 99).
    expect(scoreMatch(current, unit(TEN, { ...context, nextHash: contextHash("Інше.") })).score).toBe(99);
    // A unit whose context is not known is never a context match.
    expect(scoreMatch(current, unit(TEN)).score).toBe(99);
  });

  it("costs a point for a draft", () => {
    expect(score(TEN, TEN.replace("єдиної", "нової"), { status: "draft" }).score).toBe(89);
  });

  it("gives punctuation-only text 100 when identical and nothing otherwise", () => {
    expect(score("—", "—").score).toBe(100);
    expect(score("—", "–").score).toBe(0);
    expect(score("* * *", TEN).score).toBe(0);
  });

  it("is the same number every time", () => {
    const a = score(TEN, TEN.replace("кадрової", "кадрових"));
    for (let i = 0; i < 5; i++) expect(score(TEN, TEN.replace("кадрової", "кадрових"))).toEqual(a);
  });
});

describe("ordering matches", () => {
  it("puts the closer spelling first when the percentages are equal", () => {
    const inflected = scoreMatch(prepareSource(TEN, { documentId: DOC }), unit(TEN.replace("служби", "служба")));
    const other = scoreMatch(prepareSource(TEN, { documentId: DOC }), unit(TEN.replace("служби", "освіти")));
    expect(inflected.score).toBe(other.score);
    const at = new Date("2026-12-01T00:00:00Z");
    const rows = [
      { match: other, unit: { status: "approved", updatedAt: at, id: 1 } },
      { match: inflected, unit: { status: "translated", updatedAt: at, id: 2 } },
    ];
    expect(rows.sort(compareMatches).map((r) => r.unit.id)).toEqual([2, 1]);
  });
});

describe("replaceNumbers", () => {
  it("replaces each number once, all at once", () => {
    expect(replaceNumbers("5 of 6", ["5", "6"], ["6", "7"])).toBe("6 of 7");
    expect(replaceNumbers("Pages 10 and 10", ["10", "10"], ["12", "12"])).toBe("Pages 12 and 12");
  });

  it("follows the target's decimal point", () => {
    expect(replaceNumbers("Inflation was 5.5 %.", ["5,5"], ["6,1"])).toBe("Inflation was 6.1 %.");
  });

  it("refuses what it cannot do unambiguously", () => {
    // One number becoming two.
    expect(replaceNumbers("5 and 5", ["5", "5"], ["6", "7"])).toBeNull();
    // Not in the target, or more often there than in the source.
    expect(replaceNumbers("Two seminars", ["2"], ["3"])).toBeNull();
    expect(replaceNumbers("2 of 2", ["2"], ["3"])).toBeNull();
    // Part of a bigger number is not the number.
    expect(replaceNumbers("In 2013", ["13"], ["14"])).toBeNull();
  });
});
