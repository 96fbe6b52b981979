import { describe, expect, it } from "vitest";
import { languageName } from "./language-name";

describe("languageName", () => {
  it("names the project's languages in each interface language, capitalised", () => {
    expect(["en", "kk", "uk"].map((c) => languageName(c, "en"))).toEqual(["English", "Kazakh", "Ukrainian"]);
    expect(languageName("en", "uk")).toBe("Англійська");
    expect(languageName("en", "kk")).toBe("Ағылшын тілі");
    expect(languageName("kk-Latn", "en")).toBe("Kazakh (Latin)");
  });

  it("shows a code it cannot name as it is", () => {
    expect(languageName("not a code", "en")).toBe("not a code");
  });
});
