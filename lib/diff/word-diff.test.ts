import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks whole Cyrillic words, never parts of them", () => {
    const parts = wordDiff("Агентство у справах державної служби", "Агентство з питань державної служби", "uk");
    const removed = parts.filter((p) => p.kind === "removed").map((p) => p.text.trim());
    const added = parts.filter((p) => p.kind === "added").map((p) => p.text.trim());
    expect(removed.join(" ")).toBe("у справах");
    expect(added.join(" ")).toBe("з питань");
  });

  it("keeps Kazakh letters inside words", () => {
    const parts = wordDiff("мемлекеттік қызмет", "мемлекеттік қызметі", "kk");
    expect(parts.find((p) => p.kind === "removed")?.text).toBe("қызмет");
    expect(parts.find((p) => p.kind === "added")?.text).toBe("қызметі");
  });

  it("rebuilds both texts exactly", () => {
    const a = "The Agency, «reform» [52, с. 5].";
    const b = "The new Agency — «reform» [52, p. 5].";
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(b);
  });
});
