// The lookup-time speller must answer exactly as nspell does (which expands every form when it
// loads): on a synthetic dictionary with stripping rules, and on Debian's Kazakh dictionary with
// real words — those of the hand-made translations, their forms, and misspellings of them.
import { existsSync, readFileSync } from "node:fs";
import nspell from "nspell";
import { describe, expect, it } from "vitest";
import { demoKazakh } from "../../../tests/fixtures/qa-demo";
import { parseAffixDictionary } from "./affix-speller";

const AFF = [
  "SET UTF-8",
  "TRY абвгдеж",
  "SFX A N 2",
  "SFX A 0 лар [аы]",
  "SFX A 0 дер [^аы]",
  "SFX B Y 1",
  "SFX B у ған у",
].join("\n");
const DIC = ["3", "бала/A", "жазу/B", "Алматы"].join("\n");

describe("lookup-time Hunspell suffixes", () => {
  const spell = parseAffixDictionary(AFF, DIC)!;
  const reference = nspell(AFF, DIC);

  it.each([
    "бала",
    "балалар",
    "баладер",
    "жазу",
    "жазған",
    "жазуған",
    "Алматы",
    "алматы",
    "АЛМАТЫ",
    "Бала",
    "БАЛАЛАР",
    "балаа",
    "",
  ])("%s: as nspell answers", (word) => {
    expect(spell.correct(word)).toBe(reference.correct(word));
  });

  it("lists the endings and suggests known words one edit away", () => {
    expect(new Set(spell.suffixes)).toEqual(new Set(["ған", "дер", "лар"]));
    expect(spell.suggest("балаоар")).toContain("балалар");
    expect(spell.suggest("Бала")).toEqual([]);
  });

  it("declines what it does not read: prefixes, continuation classes, compounding", () => {
    expect(parseAffixDictionary("PFX A Y 1\nPFX A 0 re .", "1\nword/A")).toBeNull();
    expect(parseAffixDictionary("SFX A Y 1\nSFX A 0 s/B .", "1\nword/A")).toBeNull();
    expect(parseAffixDictionary("COMPOUNDMIN 3\nSFX A Y 1\nSFX A 0 s .", "1\nword/A")).toBeNull();
  });
});

const KK = "/usr/share/hunspell/kk_KZ";
const kazakhInstalled = existsSync(`${KK}.dic`);
const clean = (text: string) => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

describe.skipIf(!kazakhInstalled)("Debian's Kazakh dictionary", () => {
  it("answers as nspell's expansion does, for real words, their forms and their misspellings", () => {
    const aff = clean(readFileSync(`${KK}.aff`, "utf8"));
    const dic = clean(readFileSync(`${KK}.dic`, "utf8"));
    const spell = parseAffixDictionary(aff, dic);
    expect(spell).not.toBeNull();
    const reference = nspell(aff, dic);
    const words = new Set<string>();
    for (const text of Object.values(demoKazakh))
      for (const [w] of text.matchAll(/[\p{L}]+/gu)) {
        words.add(w);
        words.add(w.toLowerCase());
        words.add(w.toUpperCase());
        // Misspellings: a letter dropped, two swapped, an ending doubled.
        if (w.length > 3) {
          words.add(w.slice(0, 2) + w.slice(3));
          words.add(w.slice(0, 1) + w[2] + w[1] + w.slice(3));
          words.add(`${w}${w.slice(-2)}`);
        }
      }
    // Roots of the dictionary with every ending its flags allow, as nspell generated them.
    const roots = dic
      .split("\n")
      .slice(1, 4000)
      .filter((_, i) => i % 40 === 0);
    for (const line of roots) {
      const root = line.split("/")[0];
      words.add(root);
      for (const ending of ["лар", "дың", "ның", "ға", "ге", "ды", "нің", "тар", "ым", "сы"]) words.add(root + ending);
    }
    const disagree = [...words].filter((w) => spell!.correct(w) !== reference.correct(w));
    expect(words.size).toBeGreaterThan(1_000);
    expect(disagree).toEqual([]);
  }, 120_000);
});
