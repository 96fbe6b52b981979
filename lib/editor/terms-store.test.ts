// The editor's glossary store: loaded entries recognised in inflected forms, entries added from the
// editor recognised at once (replacing a loaded entry they were merged into), cached per text.
import { describe, expect, it } from "vitest";
import type { RecognitionEntry } from "../terms/types";
import { distinctTerms, insertable, RECOGNITION_MEASURE, TermsStore } from "./terms-store";

const civil: RecognitionEntry = {
  id: "civil",
  term: "державна служба",
  sourceLang: "uk",
  caseSensitive: false,
  translations: [
    { lang: "en", term: "state service", status: "forbidden" },
    { lang: "en", term: "civil service", status: "preferred" },
    { lang: "kk", term: "мемлекеттік қызмет", status: "preferred" },
  ],
};
const agency: RecognitionEntry = {
  id: "agency",
  term: "Агентство у справах державної служби",
  sourceLang: "uk",
  caseSensitive: false,
  translations: [{ lang: "en", term: "Agency for Civil Service Affairs", status: "preferred" }],
};
const text = "Агентство у справах державної служби дбає про розвиток державної служби та майданчики для діалогу.";

describe("TermsStore", () => {
  it("finds loaded terms in inflected forms, longest first, and notifies its subscribers", () => {
    const store = new TermsStore("uk");
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.termsFor(text)).toEqual([]);
    store.load([civil, agency]);
    expect(store.state).toBe("ready");
    expect(calls).toBe(1);
    expect(store.termsFor(text).map((t) => [t.text, t.entryId])).toEqual([
      ["Агентство у справах державної служби", "agency"],
      ["державної служби", "civil"],
    ]);
    expect(store.termsFor(text)).toBe(store.termsFor(text));
  });

  it("recognises an entry added from the editor at once, and a merged entry's new translations", () => {
    const store = new TermsStore("uk");
    store.load([civil, agency]);
    const before = store.version;
    store.add({
      id: "platform",
      term: "майданчик",
      sourceLang: "uk",
      caseSensitive: false,
      translations: [{ lang: "en", term: "platform", status: "preferred" }],
    });
    expect(store.version).toBe(before + 1);
    expect(store.termsFor(text).map((t) => t.text)).toEqual([
      "Агентство у справах державної служби",
      "державної служби",
      "майданчики",
    ]);
    store.add({
      ...civil,
      translations: [...civil.translations, { lang: "en", term: "public service", status: "admitted" }],
    });
    const civilHit = store.termsFor(text).find((t) => t.entryId === "civil")!;
    expect(civilHit.translations.map((t) => t.term)).toContain("public service");
    expect(store.termsFor(text).filter((t) => t.entryId === "civil")).toHaveLength(1);
  });

  it("numbers each entry once and inserts the preferred translation, never a forbidden one", () => {
    const store = new TermsStore("uk");
    store.load([civil]);
    const found = store.termsFor("Державна служба і державна служба.");
    expect(found).toHaveLength(2);
    expect(distinctTerms(found)).toHaveLength(1);
    expect(insertable(found[0], "en")).toBe("civil service");
    expect(insertable(found[0], "kk")).toBe("мемлекеттік қызмет");
    expect(insertable({ translations: [{ lang: "en", term: "state service", status: "forbidden" }] }, "en")).toBeNull();
  });

  it("measures each batch of paragraphs it recognises", () => {
    const store = new TermsStore("uk");
    store.load([civil, agency]);
    performance.clearMeasures(RECOGNITION_MEASURE);
    store.prime([text, "Реформа державної служби.", text]);
    const [measure] = performance.getEntriesByName(RECOGNITION_MEASURE);
    expect((measure as PerformanceMeasure).detail).toEqual({ rows: 2 });
  });
});
