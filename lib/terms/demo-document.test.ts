// The demo document (prisma/seed/civil-service-kz.uk.txt) with the demo glossary
// (prisma/seed/civil-service-glossary.csv): every term found in the forms the text uses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readGlossaryCsv } from "./exchange/csv";
import { buildTermIndex } from "./recognize";

const paragraphs = readFileSync(path.resolve("prisma/seed/civil-service-kz.uk.txt"), "utf8").split("\n");
const glossary = readGlossaryCsv(readFileSync(path.resolve("prisma/seed/civil-service-glossary.csv"), "utf8"), "uk");
const index = buildTermIndex(
  glossary.entries.map((e) => ({
    id: e.term,
    term: e.term,
    sourceLang: "uk",
    caseSensitive: e.caseSensitive,
    translations: e.translations.map((t) => ({ lang: t.lang, term: t.term, status: "preferred" as const })),
  })),
  "uk",
);

describe("the demo document", () => {
  const found = new Map<string, Record<string, number>>();
  for (const paragraph of paragraphs)
    for (const m of index.findSource(paragraph)) {
      const forms = found.get(m.entryId) ?? {};
      forms[m.text] = (forms[m.text] ?? 0) + 1;
      found.set(m.entryId, forms);
      expect(paragraph.slice(m.start, m.end)).toBe(m.text);
    }

  it("finds each glossary term in the forms the text writes", () => {
    expect(Object.fromEntries(found)).toEqual({
      // 19 times in the text, twice inside the agency's name (the longer term wins there).
      "державна служба": { "державної служби": 17 },
      "Агентство у справах державної служби": {
        "Агентству у справах державної служби": 1,
        "Агентством у справах державної служби": 1,
      },
      "Регіональний хаб": { "Регіонального хаба": 4, "Регіональний хаб": 2 },
      "державний службовець": { "державних службовців": 1 },
      "державний орган": { "державного органу": 1, "державних органів": 1 },
      "круглий стіл": { "круглого столу": 1, "круглих столів": 1 },
      "кадрова політика": { "кадрової політики": 1 },
      модернізація: { модернізації: 4 },
      ПРООН: { ПРООН: 2 },
      СНД: { СНД: 2 },
    });
  });

  it("leaves alone what only looks like a term: a lone «хаба», «служба» in other senses", () => {
    expect(index.findSource("ідеї хаба на регіональному рівні").map((m) => m.text)).toEqual([]);
    expect(index.findSource("служба доставки державного банку").map((m) => m.text)).toEqual([]);
  });
});
