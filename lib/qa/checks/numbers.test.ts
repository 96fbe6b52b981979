import { describe, expect, it } from "vitest";
import { applyFix } from "../fix";
import { runChecks } from "../run";
import { resolveQaSettings } from "../settings";

const settings = resolveQaSettings({});
const numbers = (source: string, target: string, targetLang = "en") =>
  runChecks({ source, target, sourceLang: "uk", targetLang }, settings).filter((f) => f.check === "numbers");

describe("numbers: not flagged", () => {
  it.each([
    ["у 2013 році", "in 2013", "en"],
    ["У 2013 році проведено семінар.", "2013 жылы семинар өткізілді.", "kk"],
    ["1 234,5 грн", "UAH 1,234.5", "en"],
    ["1\u00a0234,5 грн", "UAH 1,234.5", "en"],
    ["1 234,5 тенге", "1 234,5 теңге", "kk"],
    ["UAH 1,234.5", "1 234,5 грн", "uk"],
    ["на 2 етапі", "at the 2nd stage", "en"],
    ["на 2 етапі", "2-кезеңінде", "kk"],
    ["2-й етап", "stage 2", "en"],
    ["у 2010–2013 роках", "in 2010–2013", "en"],
    ["у 2013–2014 рр.", "in 2013–14", "en"],
    ["у 2013-2014 навчальному році", "in the 2013/14 academic year", "en"],
    ["зросла на 25 %", "grew by 25%", "en"],
    ["зросла на 25 відсотків", "grew by 25 per cent", "en"],
    ["1,5 млн осіб", "1.5 million people", "en"],
    ["1,5 млн осіб", "1,500,000 people", "en"],
    ["5 000 000 тенге", "KZT 5,000,000", "en"],
    ["проведено 2 семінари", "two seminars were held", "en"],
    ["два семінари", "2 seminars", "en"],
    ["дві тисячі тринадцятого року", "in 2013", "en"],
    ["перший етап", "the 1st stage", "en"],
    ["у XXI столітті", "in the 21st century", "en"],
    ["у ХХІ столітті", "in the 21st century", "en"], // Cyrillic Х and І
    ["у 1990-х роках", "in the 1990s", "en"],
    ["від 26.10.2017 № 569", "of 26 October 2017 No. 569", "en"],
    ["екі семинар", "two seminars", "en"],
    ["Указ № 569", "Жарлық № 569", "kk"],
    ["тривалість 1,5 року", "1.5 years", "en"],
    ["у 2013 році — 15 %", "2013 жылы — 15%", "kk"],
    ["розділ 1.2.3", "section 1.2.3", "en"],
    ["−5 °C", "minus 5 °C", "en"],
    ["5–7 тисяч учасників", "5,000–7,000 participants", "en"],
    ["о 10:00", "at 10 a.m.", "en"],
    ["о 10:30", "at 10:30", "en"],
  ])("%s ↔ %s", (source, target, lang) => {
    expect(numbers(source, target, lang)).toEqual([]);
  });

  it("leaves numbers inside citations to the citations check", () => {
    expect(numbers("прогрес [52, с. 5].", "progress [52, p. 7].")).toEqual([]);
  });
});

describe("numbers: flagged", () => {
  it("a changed year, with a fix that writes the source's", () => {
    const [f] = numbers("у 2013 році", "in 2014");
    expect(f).toMatchObject({
      messageKey: "qa.numbers.changed",
      params: { source: "2013", target: "2014" },
      span: { start: 3, end: 7, side: "target" },
      severity: "error",
    });
    expect(applyFix("in 2014", f.fix!)).toBe("in 2013");
  });

  it("a missing number points into the source", () => {
    const [f] = numbers("проведено 2 семінари у 2013 році", "seminars were held in 2013");
    expect(f).toMatchObject({ messageKey: "qa.numbers.missing", params: { number: "2" }, span: { side: "source" } });
  });

  it("an added number points into the target", () => {
    const [f] = numbers("у 2013 році", "in 2013, 15 experts");
    expect(f).toMatchObject({ messageKey: "qa.numbers.added", params: { number: "15" }, span: { side: "target" } });
  });

  it("a decimal comma left in English is a format slip, fixed to the English form", () => {
    const [f] = numbers("1 234,5 грн", "UAH 1 234,5");
    expect(f).toMatchObject({ messageKey: "qa.numbers.format", params: { number: "1 234,5", expected: "1,234.5" } });
    expect(applyFix("UAH 1 234,5", f.fix!)).toBe("UAH 1,234.5");
  });

  it("English grouping left in Kazakh is a format slip", () => {
    const [f] = numbers("1 234 567 тенге", "1,234,567 теңге", "kk");
    expect(f).toMatchObject({ messageKey: "qa.numbers.format", params: { expected: "1\u00a0234\u00a0567" } });
  });

  it("1,5 in English is not 15 and not 1.5 written properly", () => {
    expect(numbers("1,5 млн", "1,5 million").map((f) => f.messageKey)).toEqual(["qa.numbers.format"]);
  });

  it("a range end changed", () => {
    expect(numbers("у 2010–2013 роках", "in 2010–2012").map((f) => f.params)).toEqual([
      { source: "2013", target: "2012" },
    ]);
  });

  it("percentages compared by value", () => {
    expect(numbers("на 25 %", "by 52%").map((f) => f.messageKey)).toEqual(["qa.numbers.changed"]);
  });

  it("a spelled-out word does not stand for a different number", () => {
    expect(numbers("проведено 3 семінари", "two seminars were held").map((f) => f.messageKey)).toEqual([
      "qa.numbers.missing",
    ]);
  });
});
