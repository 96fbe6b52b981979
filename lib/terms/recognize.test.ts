import { describe, expect, it } from "vitest";
import { forbiddenTargetTerms, missingTargetTerms } from "./checks";
import { buildTermIndex, termsInText } from "./recognize";
import type { RecognitionEntry } from "./types";

let next = 0;
function entry(
  term: string,
  sourceLang: string,
  translations: RecognitionEntry["translations"] = [],
  caseSensitive = false,
) {
  return { id: `e${++next}`, term, sourceLang, caseSensitive, translations };
}

/** The spans found, as the text writes them. */
function found(index: ReturnType<typeof buildTermIndex>, text: string) {
  return index.findSource(text).map((m) => m.text);
}

describe("Ukrainian source terms", () => {
  const civil = entry("державна служба", "uk");
  const hub = entry("Регіональний хаб", "uk");
  const service = entry("служба", "uk");
  const index = buildTermIndex([civil, hub, service], "uk");

  it.each([
    "державної служби",
    "державну службу",
    "державній службі",
    "державними службами",
    "державною службою",
    "Державна служба",
  ])("finds «державна служба» in «%s»", (form) => {
    const text = `Реформа: ${form} країни.`;
    const [match] = index.findSource(text);
    expect(match).toMatchObject({ entryId: civil.id, text: form, start: 9, end: 9 + form.length });
    expect(index.findSource(text)).toHaveLength(1);
  });

  it("does not find it in «служба доставки» (only the one-word term there)", () => {
    expect(index.findSource("служба доставки").map((m) => m.entryId)).toEqual([service.id]);
  });

  it("finds «Регіональний хаб» in «Регіонального хаба»", () => {
    expect(index.findSource("створення Регіонального хаба у сфері").map((m) => [m.entryId, m.text])).toEqual([
      [hub.id, "Регіонального хаба"],
    ]);
  });

  it("does not join words across sentence punctuation, but does across a line's hyphen or quotes", () => {
    expect(found(index, "державна. Служба")).toEqual(["Служба"]);
    expect(found(index, "державна, служба")).toEqual(["служба"]);
    expect(found(index, "державна «служба»")).toEqual(["державна «служба"]);
  });

  it("keeps offsets into the original text when it is not in NFC and uses other apostrophes", () => {
    const nfd = "Київ: державній службі".normalize("NFD");
    const [m] = index.findSource(nfd);
    expect(nfd.slice(m.start, m.end).normalize("NFC")).toBe("державній службі");
    const objects = buildTermIndex([entry("об’єкт", "uk")], "uk");
    for (const form of ["об'єкта", "обʼєктом", "об’єкти"]) expect(found(objects, `нові ${form}`)).toEqual([form]);
  });
});

describe("Kazakh source terms", () => {
  const civil = entry("мемлекеттік қызмет", "kk");
  const index = buildTermIndex([civil, entry("қызметкер", "kk")], "kk");
  it.each([
    "мемлекеттік қызметтің",
    "мемлекеттік қызметке",
    "мемлекеттік қызметтері",
    "мемлекеттік қызметі",
    "мемлекеттік қызметін",
    "мемлекеттік қызметінде",
    "мемлекеттік қызметтерінің",
    "мемлекеттік қызметпен",
    "Мемлекеттік қызмет",
  ])("finds «мемлекеттік қызмет» in «%s»", (form) => {
    expect(index.findSource(`Қазақстандағы ${form} реформасы`).map((m) => [m.entryId, m.text])).toEqual([
      [civil.id, form],
    ]);
  });

  it("does not take «мемлекеттік қызметкер» (a civil servant) for it", () => {
    expect(index.findSource("мемлекеттік қызметкерлер").map((m) => m.text)).toEqual(["қызметкерлер"]);
  });
});

describe("English source terms", () => {
  const civil = entry("civil service", "en");
  const index = buildTermIndex([civil], "en");
  it.each(["civil services", "civil service's", "Civil Service’s", "civil servicing"])("finds it in «%s»", (form) => {
    expect(found(index, `The ${form} reform`)).toEqual([form]);
  });
  it("needs the words in order and adjacent", () => {
    expect(found(index, "service civil")).toEqual([]);
    expect(found(index, "civil and service")).toEqual([]);
  });
});

describe("overlaps and case", () => {
  it("resolves overlapping terms longest-first and keeps the same term from two glossaries", () => {
    const agency = entry("Агентство у справах державної служби", "uk");
    const civil = entry("державна служба", "uk");
    const civilAgain = entry("Державна служба", "uk");
    const index = buildTermIndex([civil, agency, civilAgain], "uk");
    const text = "Агентством у справах державної служби та державною службою";
    expect(index.findSource(text).map((m) => [m.entryId, m.text])).toEqual([
      [agency.id, "Агентством у справах державної служби"],
      [civil.id, "державною службою"],
      [civilAgain.id, "державною службою"],
    ]);
  });

  it("respects case-sensitive entries in every inflected form", () => {
    const undp = entry("ПРООН", "uk", [], true);
    const it_ = entry("IT", "en", [], true);
    expect(found(buildTermIndex([undp], "uk"), "ПРООН, прообраз, ПРООНу, проон")).toEqual(["ПРООН", "ПРООНу"]);
    expect(found(buildTermIndex([it_], "en"), "IT and it, IT's")).toEqual(["IT", "IT's"]);
  });

  it("leaves out entries in another source language", () => {
    const index = buildTermIndex([entry("civil service", "en"), entry("служба", "uk")], "uk");
    expect(found(index, "civil service служба")).toEqual(["служба"]);
  });
});

describe("target terms for the checks", () => {
  const civil = entry("державна служба", "uk", [
    { lang: "en", term: "civil service", status: "preferred" },
    { lang: "en", term: "public service", status: "admitted" },
    { lang: "en", term: "state service", status: "forbidden" },
    { lang: "kk", term: "мемлекеттік қызмет", status: "preferred" },
  ]);
  const service = entry("служба", "uk", [{ lang: "kk", term: "қызмет", status: "preferred" }]);
  const index = buildTermIndex([civil, service], "uk");
  const source = "Реформа державної служби.";

  it("accepts an inflected allowed translation (possessive, Kazakh case forms)", () => {
    expect(missingTargetTerms(index, source, "The civil service's reform.", "en")).toEqual([]);
    expect(missingTargetTerms(index, source, "The reform of public services.", "en")).toEqual([]);
    expect(missingTargetTerms(index, source, "Мемлекеттік қызметтің реформасы.", "kk")).toEqual([]);
    expect(missingTargetTerms(index, source, "Мемлекеттік қызметке реформа.", "kk")).toEqual([]);
  });

  it("reports a term none of whose allowed translations is in the target", () => {
    const missing = missingTargetTerms(index, source, "The reform of the state service.", "en");
    expect(missing.map((m) => [m.source.text, m.expected.map((e) => e.term)])).toEqual([
      ["державної служби", ["civil service", "public service"]],
    ]);
    const twice = "державна служба і державна служба";
    expect(missingTargetTerms(index, twice, "civil service and it", "en")).toEqual([]);
    expect(missingTargetTerms(index, twice, "civil service and it", "en", { perOccurrence: true })).toHaveLength(1);
  });

  it("catches inflected forbidden translations, not those inside an allowed longer term", () => {
    expect(forbiddenTargetTerms(index, "Two state services merged.", "en").map((m) => [m.entryId, m.text])).toEqual([
      [civil.id, "state services"],
    ]);
    const kk = buildTermIndex([entry("служба", "uk", [{ lang: "kk", term: "сервис", status: "forbidden" }])], "uk");
    expect(forbiddenTargetTerms(kk, "сервистің жұмысы", "kk").map((m) => m.text)).toEqual(["сервистің"]);
    // "қызмет" inside "мемлекеттік қызмет" belongs to the longer term.
    expect(index.findTarget("мемлекеттік қызметі", "kk").map((m) => m.entryId)).toEqual([civil.id]);
  });
});

describe("terms in a paragraph, as the editor and the API show them", () => {
  it("gives each found term's span, entry and its translations into the asked languages", () => {
    const civil = entry("державна служба", "uk", [
      { lang: "en", term: "civil service", status: "preferred" },
      { lang: "kk", term: "мемлекеттік қызмет", status: "preferred" },
      { lang: "en", term: "state service", status: "forbidden" },
    ]);
    const index = buildTermIndex([civil], "uk");
    expect(termsInText(index, "Реформа державної служби", ["en"])).toEqual([
      {
        start: 8,
        end: 24,
        text: "державної служби",
        entryId: civil.id,
        term: "державна служба",
        caseSensitive: false,
        translations: [
          { lang: "en", term: "civil service", status: "preferred" },
          { lang: "en", term: "state service", status: "forbidden" },
        ],
      },
    ]);
    expect(termsInText(index, "державна служба")[0].translations).toHaveLength(3);
  });
});
