import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTermIndex } from "../../terms/recognize";
import { checkDocument, checkSegment, suggestSpelling } from "../check";
import { type QaSettingsInput, resolveQaSettings } from "../settings";

const spelling = async (target: string, targetLang = "en", input: QaSettingsInput = {}, extra = {}) =>
  (
    await checkSegment({ source: "x", target, sourceLang: "uk", targetLang, ...extra }, resolveQaSettings(input))
  ).filter((f) => f.check === "spelling");
const words = async (...args: Parameters<typeof spelling>) => (await spelling(...args)).map((f) => f.params.word);
const kazakhInstalled = existsSync("/usr/share/hunspell/kk_KZ.dic");

describe("spelling in English", () => {
  it("flags a misspelling, with its span", async () => {
    const [f] = await spelling("The goverment acts.");
    expect(f).toMatchObject({
      messageKey: "qa.spelling.unknown",
      params: { word: "goverment" },
      span: { start: 4, end: 13 },
    });
    expect(f.severity).toBe("warning");
  });

  it.each([
    "The organisation of the Regional Hub, the modernization of Kazakhstan’s civil service.",
    "The seminar consisted of the following sessions: Innovation in human resource management.",
    "UNDP and the UN, at the 2nd stage, in the 1990s, anti-corruption policy, a long-term project.",
    "See https://example.org/reform-goverment or write to info@hub-astana.kz [52, p. 5].",
    "Stephen Tull said it’s the states’ duty.",
  ])("%s: not flagged", async (text) => {
    expect(await words(text)).toEqual([]);
  });

  it("British or American only, when the project says so", async () => {
    expect(await words("The organisation's programme", "en", { englishSpelling: "us" })).toEqual([
      "organisation's",
      "programme",
    ]);
    expect(await words("The organization's program", "en", { englishSpelling: "gb" })).toEqual(["organization's"]);
    expect(await words("The organization's program", "en-GB")).toEqual(["organization's"]);
  });

  it("accepts the project's words, with the dictionary's endings, and the glossary's", async () => {
    const text = "Akimats and the akimat's maslikhat";
    expect(await words(text)).toEqual(["Akimats", "akimat's", "maslikhat"]);
    expect(await words(text, "en", { dictionary: { en: ["akimat"] } }, { glossaryWords: ["maslikhat"] })).toEqual([]);
  });

  it("leaves glossary term spans to the terminology checks", async () => {
    const glossary = buildTermIndex(
      [
        {
          id: "t1",
          term: "акімат",
          sourceLang: "uk",
          caseSensitive: false,
          translations: [{ lang: "en", term: "akimat", status: "preferred" }],
        },
      ],
      "uk",
    );
    expect(await words("The akimats decided", "en", {}, { glossary })).toEqual([]);
  });

  it("offers suggestions on demand", async () => {
    expect(await suggestSpelling("goverment", "en")).toContain("government");
  });

  it("is silent when muted", async () => {
    expect(await spelling("The goverment", "en", { muted: ["spelling"] })).toEqual([]);
  });

  it("the English dictionary package loads in a plain Node process through import()", () => {
    const out = execFileSync(process.execPath, [
      "--input-type=module",
      "-e",
      "const d = (await import('dictionary-en')).default; const s = (await import('nspell')).default(d); console.log(s.correct('government'), s.correct('goverment'))",
    ]).toString();
    expect(out.trim()).toBe("true false");
  });
});

describe.skipIf(!kazakhInstalled)("spelling in Kazakh (Debian hunspell-kk)", () => {
  it("flags a misspelling one level below the check's severity (the dictionary is thin)", async () => {
    const [f] = await spelling("Мемлекетік қызмет реформасы.", "kk");
    expect(f).toMatchObject({ params: { word: "Мемлекетік" }, severity: "info" });
    expect((await spelling("Мемлекетік қызмет.", "kk", { severity: { spelling: "error" } }))[0].severity).toBe(
      "warning",
    );
  });

  it("accepts і and correct Kazakh, skips names inside a sentence and endings on acronyms", async () => {
    expect(await words("Мемлекеттік қызмет істері және халықаралық тәжірибе туралы.", "kk")).toEqual([]);
    expect(await words("Бұл жобаны Стивен Тулл және БҰҰДБ-ның өкілі қолдады.", "kk")).toEqual([]);
  });

  it("a project word takes Kazakh endings", async () => {
    expect(await words("Хабтың жұмысы", "kk")).toEqual(["Хабтың"]);
    expect(await words("Хабтың жұмысы", "kk", { dictionary: { kk: ["хаб"] } })).toEqual([]);
  });
});

describe("spelling unavailable", () => {
  const empty = mkdtempSync(path.join(tmpdir(), "no-hunspell-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it("says so for Kazakh when the dictionary is not installed, naming the package", async () => {
    const settings = resolveQaSettings();
    const findings = await checkSegment(
      { source: "Текст.", target: "Мәтін.", sourceLang: "uk", targetLang: "kk" },
      settings,
      { hunspellDir: empty },
    );
    expect(findings).toEqual([
      {
        check: "spelling",
        severity: "warning",
        messageKey: "qa.spelling.unavailable",
        params: { lang: "kk", package: "hunspell-kk" },
        key: "spelling:unavailable",
      },
    ]);
  });

  it("says it once for a document, as a notice", async () => {
    const entries = [1, 2, 3].map((n) => ({ id: `s${n}`, source: `Текст ${n}.`, target: `Мәтін ${n}.` }));
    const result = await checkDocument({ entries, sourceLang: "uk", targetLang: "kk" }, resolveQaSettings(), {
      hunspellDir: empty,
    });
    expect(result.findings).toEqual([]);
    expect(result.notices.map((n) => n.messageKey)).toEqual(["qa.spelling.unavailable"]);
  });

  it("says there is no dictionary for a language without one", async () => {
    expect((await spelling("Ein Text.", "de")).map((f) => f.messageKey)).toEqual(["qa.spelling.unsupported"]);
  });
});
