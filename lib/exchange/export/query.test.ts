import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { exportFilename } from "./index";
import { parseExportQuery } from "./query";

const LANGS = ["en", "kk"];
const parse = (query: string, langs = LANGS) => parseExportQuery(new URLSearchParams(query), langs);

function refusal(query: string, langs = LANGS) {
  try {
    parse(query, langs);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, details: (error as AppError).details };
  }
  throw new Error(`accepted: ${query}`);
}

describe("parseExportQuery", () => {
  it("defaults to every target, notes on, all statuses", () => {
    expect(parse("format=tmx")).toEqual({
      format: "tmx",
      targets: ["en", "kk"],
      approvedOnly: false,
      includeNotes: true,
      untranslated: "source",
      lng: "en",
      withoutQaErrors: false,
    });
  });

  it("writes untranslated paragraphs of a translation-only export as their source unless told to leave them out", () => {
    expect(parse("format=txt").untranslated).toBe("source");
    expect(parse("format=docx-target&untranslated=omit").untranslated).toBe("omit");
    expect(parseExportQuery(new URLSearchParams("format=docx"), LANGS, "kk").lng).toBe("kk");
  });

  it("reads targets as a list or repeated, in the order given, without duplicates", () => {
    expect(parse("format=csv&target=kk,en").targets).toEqual(["kk", "en"]);
    expect(parse("format=csv&target=kk&target=en&target=kk").targets).toEqual(["kk", "en"]);
    expect(parse("format=xliff20&target=kk-Latn").targets).toEqual(["kk-Latn"]);
    expect(parse("format=tmx&target=%20en%20,").targets).toEqual(["en"]);
  });

  it("takes the last value of a flag, as a form with a hidden 0 before its checkbox sends", () => {
    expect(parse("format=tmx&notes=0").includeNotes).toBe(false);
    expect(parse("format=tmx&notes=0&notes=1").includeNotes).toBe(true);
    expect(parse("format=tmx&approvedOnly=1").approvedOnly).toBe(true);
    expect(parse("format=tmx&approvedOnly=true&approvedOnly=0").approvedOnly).toBe(false);
    expect(parse("format=tmx&approvedOnly=on").approvedOnly).toBe(true);
    expect(parse("format=tmx&withoutQaErrors=0&withoutQaErrors=1").withoutQaErrors).toBe(true);
  });

  it("gives one-language formats the first target by default", () => {
    expect(parse("format=txt").targets).toEqual(["en"]);
    expect(parse("format=docx-target&target=kk-Latn").targets).toEqual(["kk-Latn"]);
  });

  it.each([
    ["", "format", "unknown_format"],
    ["format=pdf", "format", "unknown_format"],
    ["format=TMX", "format", "unknown_format"],
    ["format=tmx&target=de", "target", "not_a_target"],
    ["format=tmx&target=uk", "target", "not_a_target"],
    ["format=txt&target=en,kk", "target", "one_target"],
    ["format=tmx&notes=maybe", "notes", "not_boolean"],
    ["format=tmx&approvedOnly=2", "approvedOnly", "not_boolean"],
    ["format=txt&untranslated=blank", "untranslated", "bad_untranslated"],
  ])("refuses %j (field %s)", (query, field, reason) => {
    expect(refusal(query)).toMatchObject({ code: "invalid_input", details: { field, reason } });
  });

  it("allows kk-Latn only when the project has kk", () => {
    expect(refusal("format=tmx&target=kk-Latn", ["en"]).details).toMatchObject({ field: "target", value: "kk-Latn" });
  });

  it("refuses a project without languages rather than export no target", () => {
    expect(refusal("format=tmx", []).details).toMatchObject({ field: "target", reason: "required" });
  });
});

describe("exportFilename", () => {
  const req = { format: "tmx", targets: ["en", "kk"], approvedOnly: false, includeNotes: true } as const;

  it("names the file after the title, the targets and the format", () => {
    expect(exportFilename("Civil service reform", { ...req, targets: [...req.targets] })).toBe(
      "Civil service reform.en+kk.tmx",
    );
    expect(exportFilename("Реформа: «держслужба»", { ...req, targets: ["kk-Latn"], format: "xliff20" })).toBe(
      "Реформа «держслужба».kk-Latn.xlf",
    );
  });

  it("removes what file systems refuse", () => {
    expect(exportFilename('../a/b\\c:d*e?"f"<g>|h\u0007', { ...req, targets: ["en"] })).toBe("a b c d e f g h.en.tmx");
    expect(exportFilename("...", { ...req, targets: ["en"] })).toBe("document.en.tmx");
    expect(exportFilename("x".repeat(300), { ...req, targets: ["en"] })).toHaveLength(100 + ".en.tmx".length);
  });
});
