import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLinesText } from "./parse-text";

const demo = readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8");

describe("parseLinesText", () => {
  it("makes one segment per line of the demo document, list items marked", () => {
    const segments = parseLinesText(demo);
    expect(segments).toHaveLength(11);
    expect(segments.map((s) => s.kind)).toEqual([
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "list_item",
      "list_item",
      "list_item",
      "paragraph",
      "paragraph",
      "paragraph",
    ]);
    expect(segments[0].source.startsWith("ах державної служби")).toBe(true);
    expect(segments[5].source.startsWith("аналіз поточних реформ")).toBe(true);
  });

  it("keeps guillemets, dashes and citations exactly", () => {
    const all = parseLinesText(demo)
      .map((s) => s.source)
      .join("\n");
    expect(all).toContain("«Реформа державної служби - досвід перехідних країн»");
    expect(all).toContain("[52, с. 5]");
    // Every non-marker character of the file survives.
    expect(all).toBe(
      demo
        .split("\n")
        .map((l) => (l.startsWith("- ") ? l.slice(2) : l))
        .join("\n"),
    );
  });

  it("handles CRLF, a BOM and blank lines", () => {
    const segments = parseLinesText("\uFEFFПерший абзац.\r\n\r\n- пункт\r\nДругий");
    expect(segments.map((s) => [s.kind, s.source])).toEqual([
      ["paragraph", "Перший абзац."],
      ["list_item", "пункт"],
      ["paragraph", "Другий"],
    ]);
  });

  it("counts Ukrainian words without splitting apostrophes or citations into words", () => {
    expect(parseLinesText("Об'єднання м'яких [52, с. 5] слів")[0].wordCount).toBe(6);
  });
});
