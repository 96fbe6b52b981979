import { describe, expect, it } from "vitest";
import { languageName } from "./language-names";

describe("languageName", () => {
  it("names document languages in the interface language, as a label", () => {
    expect(["uk", "en", "kk"].map((code) => languageName(code, "en"))).toEqual(["Ukrainian", "English", "Kazakh"]);
    expect(languageName("en", "uk")).toBe("Англійська");
    expect(languageName("uk", "kk")).toBe("Украин тілі");
    expect(languageName("kk-Latn", "en")).toBe("Kazakh (Latin)");
  });
  it("gives the code back when there is no name for it", () => {
    expect(languageName("zz", "en")).toBe("zz");
    expect(languageName("not a code", "en")).toBe("not a code");
  });
});
