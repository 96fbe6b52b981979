// Whatever the text, the runner answers: no throw, spans inside the side they point at, fixes whose
// edits lie inside the target, sorted and apart. Inputs: the demo translations, mutated at random
// (seeded) with the characters the checks care about.
import { describe, expect, it } from "vitest";
import { demoEnglish, demoKazakh, demoSegments } from "../../tests/fixtures/qa-demo";
import { applyFix } from "./fix";
import { runChecks } from "./run";
import { resolveQaSettings } from "./settings";

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = [
  "«",
  "»",
  "“",
  "”",
  "„",
  "‘",
  "’",
  "'",
  '"',
  "(",
  ")",
  "[",
  "]",
  "[53]",
  "  ",
  " ",
  "1",
  "2,5",
  "1 234",
  "a",
  "а",
  "є",
  "і",
  ".",
  "…",
  ";",
  "\u00a0",
  "-",
  "\ud800",
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    if (random() < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else out = out.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + out.slice(at);
  }
  return out;
}

describe("runChecks on mutated text", () => {
  const settings = resolveQaSettings();
  for (const [lang, translations] of [
    ["en", demoEnglish],
    ["kk", demoKazakh],
  ] as const)
    it(`${lang}: spans and fixes stay inside the text`, () => {
      const random = prng(lang === "en" ? 1 : 2);
      for (let round = 0; round < 300; round++)
        for (const [i, translation] of Object.entries(translations)) {
          const source =
            round % 3 === 0 ? mutate(demoSegments[Number(i)].source, random) : demoSegments[Number(i)].source;
          const target = mutate(translation, random);
          for (const f of runChecks({ source, target, sourceLang: "uk", targetLang: lang }, settings)) {
            if (f.span) {
              const side = f.span.side === "source" ? source : target;
              expect(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= side.length, f.key).toBe(true);
            }
            if (!f.fix) continue;
            let last = 0;
            for (const e of f.fix.edits) {
              expect(e.start >= last && e.start <= e.end && e.end <= target.length, f.key).toBe(true);
              last = e.end;
            }
            expect(typeof applyFix(target, f.fix)).toBe("string");
          }
        }
    });
});
