import { describe, expect, it } from "vitest";
import { DEMO_FIRST_EN } from "../../tests/fixtures/memory-world";
import { alignSentences, confidentPairs } from "./align";

const UK = [
  "ах державної служби та його регіональних управлінь, які забезпечують реалізацію єдиної кадрової політики в масштабі республіки.",
  "Висока оцінка Агентству була дана учасниками міжнародного круглого столу «Реформа державної служби - досвід перехідних країн».",
  "Зокрема, зазначалося, що в країнах СНД немає державного органу, подібного Агентству у справах державної служби.",
  "За невеликий термін совій діяльності, на думку міжнародних експертів, Казахстан домігся великого прогресу в модернізації державної служби [52, с. 5].",
];
const pairsOf = (pairs: ReturnType<typeof alignSentences>) => pairs.map((p) => [p.source, p.target]);

describe("alignSentences", () => {
  it("pairs the sentences in order when both sides have as many", () => {
    expect(alignSentences(UK, DEMO_FIRST_EN)).toEqual(UK.map((_, i) => ({ source: [i], target: [i], confidence: 1 })));
  });

  it("finds two sentences the translator merged into one, by their lengths", () => {
    const merged = [DEMO_FIRST_EN[0], `${DEMO_FIRST_EN[1]} ${DEMO_FIRST_EN[2]}`, DEMO_FIRST_EN[3]];
    const pairs = alignSentences(UK, merged);
    expect(pairsOf(pairs)).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[3], [2]],
    ]);
    expect(pairs.every((p) => p.confidence > 0.99)).toBe(true);
    // Only one-to-one pairs become sentence units.
    expect(pairsOf(confidentPairs(pairs))).toEqual([
      [[0], [0]],
      [[3], [2]],
    ]);
  });

  it("is not confident where an added sentence makes the lengths ambiguous", () => {
    const added = [...DEMO_FIRST_EN.slice(0, 3), "Kazakhstan has made great progress.", DEMO_FIRST_EN[3]];
    const pairs = alignSentences(UK, added);
    const confident = confidentPairs(pairs);
    expect(pairsOf(confident)).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    expect(pairs.filter((p) => !confident.includes(p)).every((p) => p.confidence < 0.9)).toBe(true);
  });

  it("pairs nothing when one side is empty", () => {
    expect(alignSentences(UK, [])).toEqual([]);
    expect(alignSentences([], [])).toEqual([]);
  });
});
