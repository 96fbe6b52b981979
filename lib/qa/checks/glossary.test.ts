// glossary and forbidden-term on real text: the demo glossary (prisma/seed/civil-service-glossary.csv:
// "державна служба" → preferred "civil service", admitted "public service", forbidden "state service";
// kk "мемлекеттік қызмет"), Ukrainian sources in their inflected forms, English and Kazakh targets
// in theirs. Plus the demo translations, which use the glossary and must pass.
import { describe, expect, it } from "vitest";
import { demoEnglish, demoGlossary, demoKazakh, demoSegments } from "../../../tests/fixtures/qa-demo";
import { checkSegment } from "../check";
import { applyFix } from "../fix";
import { runChecks } from "../run";
import { resolveQaSettings } from "../settings";
import { glossaryWords } from "./glossary";

const glossary = demoGlossary();
const settings = resolveQaSettings({ muted: ["spelling"] });

const findings = (source: string, target: string, targetLang = "en", check = "glossary") =>
  runChecks({ source, target, sourceLang: "uk", targetLang, glossary }, settings).filter((f) => f.check === check);

describe("glossary: a source term needs one of its translations, in any form", () => {
  const source = "Реформа державної служби триває.";

  it.each([
    "The civil service reform continues.",
    "The reform of the civil services continues.",
    "The civil service's reform continues.",
    "The civil service’s reform continues.",
    "The reform of the public service continues.",
    "Civil Service reform continues.",
  ])("English %s: nothing to report", (target) => {
    expect(findings(source, target)).toEqual([]);
  });

  it.each([
    "Мемлекеттік қызмет реформасы жалғасуда.",
    "Мемлекеттік қызметтің реформасы жалғасуда.",
    "Реформа мемлекеттік қызметте жалғасуда.",
    "Мемлекеттік қызметтегі реформа жалғасуда.",
    "Реформа мемлекеттік қызметке қатысты.",
  ])("Kazakh %s: nothing to report", (target) => {
    expect(findings(source, target, "kk")).toEqual([]);
  });

  it("reports the term when none of its translations is there, with the source span and the choices", () => {
    const [f] = findings(source, "The reform of the state administration continues.");
    expect(f).toMatchObject({
      check: "glossary",
      severity: "warning",
      messageKey: "qa.glossary.missing",
      params: { term: "державної служби", expected: "civil service, public service" },
      span: { start: 8, end: 24, side: "source" },
      key: "glossary:e0",
    });
    expect(source.slice(f.span!.start, f.span!.end)).toBe("державної служби");
    expect(findings(source, "Реформа жалғасуда.", "kk")[0].params).toMatchObject({ expected: "мемлекеттік қызмет" });
  });

  it("a forbidden translation does not count as the term's translation", () => {
    expect(findings(source, "The state service reform continues.").map((f) => f.key)).toEqual(["glossary:e0"]);
  });

  it("each term once, with keys that do not depend on offsets", () => {
    const two = "Державний службовець і державний орган.";
    const keys = findings(two, "An official and an agency.").map((f) => f.key);
    expect(keys).toHaveLength(2);
    expect(findings(`Вступ. ${two}`, "Introduction. An official and an agency.").map((f) => f.key)).toEqual(keys);
  });

  it("the demo translations use the glossary: no findings", () => {
    for (const [translations, lang] of [
      [demoEnglish, "en"],
      [demoKazakh, "kk"],
    ] as const)
      for (const [i, target] of Object.entries(translations)) {
        const seg = demoSegments[Number(i)];
        expect([lang, i, findings(seg.source, target, lang).map((f) => f.params.term)]).toEqual([lang, i, []]);
      }
  });
});

describe("forbidden-term: a translation the glossary forbids, in any form", () => {
  const source = "Реформа державної служби.";

  it("is reported, with the preferred translation and a fix where the form is the term's own", () => {
    const target = "State service reform.";
    const [f] = findings(source, target, "en", "forbidden-term");
    expect(f).toMatchObject({
      severity: "error",
      messageKey: "qa.forbidden-term.used",
      params: { term: "State service", preferred: "civil service" },
      span: { start: 0, end: 13, side: "target" },
    });
    expect(applyFix(target, f.fix!)).toBe("Civil service reform.");
  });

  it.each([
    ["the state services' reform", "state services"],
    ["the state service's reform", "state service's"],
    ["reforms of state services", "state services"],
  ])("inflected: %s (reported without a fix: the replacement would need inflecting)", (target, term) => {
    const [f] = findings(source, target, "en", "forbidden-term");
    expect(f.params.term).toBe(term);
    expect(f.fix).toBeUndefined();
  });

  it("a forbidden word inside a longer allowed term is not reported", () => {
    // "service" alone is no entry; "civil service" is allowed.
    expect(findings(source, "Civil service reform.", "en", "forbidden-term")).toEqual([]);
  });
});

describe("spelling never reports glossary words", () => {
  it("the glossary's Kazakh words are accepted with Kazakh endings (the dictionary lacks «хаб»)", async () => {
    const target = "Өңірлік хабтың жұмысы.";
    const input = { source: "Робота Регіонального хаба.", target, sourceLang: "uk", targetLang: "kk" };
    const spelled = async (extra: object) =>
      (await checkSegment({ ...input, ...extra }, resolveQaSettings())).filter((f) => f.check === "spelling");
    expect((await spelled({})).map((f) => f.params.word)).toContain("хабтың");
    expect(glossaryWords(glossary, "kk")).toContain("хаб");
    expect(await spelled({ glossary, glossaryWords: glossaryWords(glossary, "kk") })).toEqual([]);
  });
});
