// False alarms on real text: hand-made correct English and Kazakh translations of the demo
// document must get no findings; the same translations with deliberate slips get exactly those.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoEnglish, demoKazakh, demoSegments } from "../../tests/fixtures/qa-demo";
import { checkDocument, checkSegment } from "./check";
import { applyFix } from "./fix";
import { type QaSettingsInput, resolveQaSettings } from "./settings";

// Correct Kazakh words Debian's old hunspell-kk (1.1) does not know; a project adds them once.
const KAZAKH_GAPS = `өңір өңірлік хаб хабты хабтың хабқа ауқымында үстелінің елдерінде елдеріндегі агенттігі агенттігіне
жаңғыртуда жаңғыртудың прогреске үйлестірушісі құрылымның реформалауда көшбасшы реформаларын ынтымақтастығы
әлеуетін институционалдық әзірлеуді өңірдегі қоғамдастығын нығайтуды тренинг буынына сессиялардан адами
ресурстарды басқарудағы инновациялар жүйесіндегі берушілік жемқорлыққа қызметшілер тиімділігін`.split(/\s+/);

const entries = (translations: Record<number, string>) =>
  Object.entries(translations).map(([i, target]) => {
    const s = demoSegments[Number(i)];
    return { id: `p${i}`, source: s.source, target, kind: s.kind, confirmed: true };
  });

const check = (i: number, target: string, targetLang: string, input: QaSettingsInput = {}) =>
  checkSegment(
    { source: demoSegments[i].source, target, sourceLang: "uk", targetLang, kind: demoSegments[i].kind },
    resolveQaSettings(input),
  );
const summary = (findings: { check: string; messageKey: string; params: object }[]) =>
  findings.map((f) => [f.check, f.messageKey, f.params]);

describe("the demo document, translated correctly", () => {
  it("English: no findings at all", async () => {
    const result = await checkDocument({ entries: entries(demoEnglish), sourceLang: "uk", targetLang: "en" });
    expect(summary(result.findings)).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it.skipIf(!existsSync("/usr/share/hunspell/kk_KZ.dic"))(
    "Kazakh: only words the old dictionary lacks, and none once the project has added them",
    async () => {
      const input = { entries: entries(demoKazakh), sourceLang: "uk", targetLang: "kk" };
      const bare = await checkDocument(input);
      expect(bare.findings.every((f) => f.check === "spelling" && f.severity === "info")).toBe(true);
      const unknown = new Set(bare.findings.map((f) => String(f.params.word).toLocaleLowerCase("kk")));
      expect([...unknown].sort()).toEqual([...KAZAKH_GAPS].sort());
      const withWords = await checkDocument(input, resolveQaSettings({ dictionary: { kk: KAZAKH_GAPS } }));
      expect(summary(withWords.findings)).toEqual([]);
    },
  );
});

describe("the demo document, with deliberate slips", () => {
  it("[53] deleted: the citation finding, and its fix restores the text", async () => {
    const target = demoEnglish[1].replace(" [53]", "");
    const findings = await check(1, target, "en");
    expect(summary(findings)).toEqual([["citations", "qa.citations.missing", { citation: "[53]" }]]);
    expect(applyFix(target, findings[0].fix!)).toBe(demoEnglish[1]);
  });

  it("a year changed, a page changed, Kazakh quotes in English", async () => {
    const target = demoEnglish[0]
      .replace("[52, p. 5]", "[52, p. 6]")
      .replace("“Civil", "«Civil")
      .replace("Countries”", "Countries»");
    expect(summary(await check(0, target, "en")).map(([c]) => c)).toEqual(["citations", "quotes"]);
    expect(summary(await check(1, demoEnglish[1].replace("2013", "2012"), "en"))).toEqual([
      ["numbers", "qa.numbers.changed", { source: "2013", target: "2012" }],
    ]);
  });

  it("a Latin letter, a Ukrainian letter and a double space in Kazakh", async () => {
    const target = demoKazakh[8].replace("Қазіргі", "Қaзіргі").replace("тұр,", "тұр,  є");
    const findings = (await check(8, target, "kk", { dictionary: { kk: KAZAKH_GAPS } })).map((f) => f.check);
    expect(findings).toEqual(["double-space", "mixed-script", "uk-letters-in-kk"]);
  });

  it("the stage number dropped from the Kazakh, and the list item's semicolon kept", async () => {
    const findings = await check(8, demoKazakh[8].replace("2-кезеңінде", "келесі кезеңінде"), "kk", {
      dictionary: { kk: KAZAKH_GAPS },
    });
    expect(summary(findings)).toEqual([["numbers", "qa.numbers.missing", { number: "2" }]]);
    expect(await check(5, demoKazakh[5], "kk", { dictionary: { kk: KAZAKH_GAPS } })).toEqual([]);
  });
});
