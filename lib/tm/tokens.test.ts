import { describe, expect, it } from "vitest";
import { indexWords, NUMBER_PLACEHOLDER, tokenize } from "./tokens";

describe("tokenize", () => {
  it("finds words, numbers and the punctuation between them", () => {
    const t = tokenize("У 2013 році — 5,5 % м’яких «семінарів-тренінгів» [52, с. 5].");
    expect(t.raw).toEqual(["У", "2013", "році", "5,5", "м'яких", "семінарів", "тренінгів", "52", "с", "5"]);
    expect(t.words).toEqual(["у", "2013", "році", "5,5", "м'яких", "семінарів", "тренінгів", "52", "с", "5"]);
    expect(t.numbers).toEqual(["2013", "5,5", "52", "5"]);
    expect(t.masked).toEqual([
      "у",
      NUMBER_PLACEHOLDER,
      "році",
      NUMBER_PLACEHOLDER,
      "м'яких",
      "семінарів",
      "тренінгів",
      NUMBER_PLACEHOLDER,
      "с",
      NUMBER_PLACEHOLDER,
    ]);
    expect(t.punctuation).toBe("—%«-»[,.].");
    expect(t.apostrophes).toBe("’");
  });

  it("keeps Kazakh letters and mixed tokens in one word", () => {
    expect(tokenize("Қазақстан ҒЫЛЫМ A4 4A").words).toEqual(["қазақстан", "ғылым", "a4", "4a"]);
  });

  it("gives the index only words of letters", () => {
    expect(indexWords(tokenize("У 2013 році м'яких A4"))).toEqual(["у", "році", "м'яких"]);
  });
});
