// The stemmers on real word forms: what each conflates, and what it must keep apart.
import { describe, expect, it } from "vitest";
import { foldWord } from "./normalize";
import { searchStems, wordKeysFor } from "./stem";
import { stemEnglish } from "./stem-en";
import { kazakhKeys, stemKazakh } from "./stem-kk";
import { stemUkrainian, ukrainianKeys } from "./stem-uk";
import { tokenize } from "./tokenize";

describe("Ukrainian (our inflection stripper)", () => {
  it("gives every case form of a noun and an adjective one stem", () => {
    const forms = ["служба", "служби", "службу", "службі", "службою", "службами", "службах", "служб"];
    expect(new Set(forms.map(stemUkrainian))).toEqual(new Set(["служб"]));
    const adjective = ["державна", "державної", "державну", "державній", "державною", "державними", "державних"];
    expect(new Set(adjective.map(stemUkrainian))).toEqual(new Set(["державн"]));
    expect(stemUkrainian("регіонального")).toBe(stemUkrainian("регіональний"));
    expect(stemUkrainian("хаба")).toBe(stemUkrainian("хаб"));
  });

  it("keeps different words apart", () => {
    expect(stemUkrainian("доставки")).not.toBe(stemUkrainian("державна"));
    expect(stemUkrainian("службовець")).not.toBe(stemUkrainian("служба"));
  });

  it("gives nominative and oblique forms one key where @orama/stemmers did not", () => {
    const reads = (form: string, lemma: string) => expect(ukrainianKeys(form)).toContain(stemUkrainian(lemma));
    for (const form of ["кадрової", "кадрову", "кадровою", "кадрових"]) reads(form, "кадрова");
    for (const form of ["модернізації", "модернізацію", "модернізацією", "модернізацій"]) reads(form, "модернізація");
    for (const form of ["конкурси", "конкурсу", "конкурсів"]) reads(form, "конкурс");
    for (const form of ["управління", "управлінні", "управлінням"]) reads(form, "управління");
    for (const form of ["агентства", "агентству", "агентством"]) reads(form, "агентство");
    for (const form of ["музею", "музеї", "музеєм"]) reads(form, "музей");
    for (const form of ["об'єкта", "об'єкти"]) reads(form, "об'єкт");
  });

  it("offers the alternations the stemmer cannot see as further readings", () => {
    expect(ukrainianKeys("руці")).toContain(stemUkrainian("рука"));
    expect(ukrainianKeys("нозі")).toContain(stemUkrainian("нога"));
    expect(ukrainianKeys("року")).toContain(stemUkrainian("рік"));
    expect(ukrainianKeys("ночі")).toContain(stemUkrainian("ніч"));
    expect(ukrainianKeys("столу")).toContain(stemUkrainian("стіл"));
    expect(ukrainianKeys("службовців")).toContain(stemUkrainian("службовець"));
    expect(ukrainianKeys("розвитку")).toContain(stemUkrainian("розвиток"));
    expect(ukrainianKeys("вітру")).toContain(stemUkrainian("вітер"));
    expect(ukrainianKeys("києва")).toContain(stemUkrainian("київ"));
    expect(stemUkrainian("київ")).toBe("київ");
    expect(ukrainianKeys("служби")[0]).toBe("служб");
  });
});

describe("Kazakh (our suffix stripper)", () => {
  const reads = (form: string, lemma: string) => expect(kazakhKeys(form)).toContain(lemma);

  it("strips plural, possessive and case endings in their harmony and sound variants", () => {
    for (const form of ["қызметтің", "қызметке", "қызметтері", "қызметі", "қызметін", "қызметінің", "қызметіне"])
      reads(form, "қызмет");
    for (const form of ["қызметінде", "қызметінен", "қызметімен", "қызметпен", "қызметтерге", "қызметтен"])
      reads(form, "қызмет");
    for (const form of ["бағдарламаның", "бағдарламасы", "бағдарламалары", "бағдарламаға", "бағдарламада"])
      reads(form, "бағдарлама");
    for (const form of ["Қазақстанның", "Қазақстанда", "Қазақстаннан", "Қазақстандағы", "Қазақстанға"])
      reads(foldWord(form, "kk"), "қазақстан");
    for (const form of ["елдің", "елге", "елде", "елден", "елмен", "елдер", "елдері"]) reads(form, "ел");
    for (const form of ["ұйымның", "ұйымдар", "ұйымға", "ұйымы"]) reads(form, "ұйым");
    for (const form of ["мектептің", "мектепке", "мектептер", "мектепте"]) reads(form, "мектеп");
  });

  it("restores a final consonant voiced before a vowel (кітап → кітабы)", () => {
    reads("кітабы", "кітап");
    reads("жүрегі", "жүрек");
    reads("агенттігі", "агенттік");
  });

  it("takes only the variant the preceding sound allows, and keeps two letters", () => {
    // -тың/-тің follow a voiceless sound, -ның/-нің a vowel or a nasal: a wrong variant is no suffix.
    expect(kazakhKeys("ананың")).toContain("ана");
    expect(kazakhKeys("қазақстантың")).not.toContain("қазақстан");
    expect(kazakhKeys("мектепнің")).not.toContain("мектеп");
    expect(kazakhKeys("ел")).toEqual(["ел"]);
    expect(kazakhKeys("ана")).toEqual(["ана"]);
    // Derivation is not inflection: қызметкер (employee) is not қызмет (service).
    expect(kazakhKeys("қызметкерлері")).not.toContain("қызмет");
    expect(kazakhKeys("мемлекеттік")).not.toContain("мемлекет");
  });

  it("lists the word first and the fully stripped stem last", () => {
    expect(kazakhKeys("қызметтерінің")[0]).toBe("қызметтерінің");
    expect(stemKazakh("қызметтерінің")).toBe("қызмет");
  });
});

describe("English (Porter2)", () => {
  it("conflates plurals and possessives", () => {
    expect(stemEnglish("services")).toBe(stemEnglish("service"));
    expect(stemEnglish(foldWord("service’s", "en"))).toBe(stemEnglish("service"));
    expect(stemEnglish("agencies")).toBe(stemEnglish("agency"));
  });
});

describe("language dispatch and tokens", () => {
  it("stems only words in the language's script", () => {
    expect(wordKeysFor("uk").termKey("it")).toBe("it");
    expect(wordKeysFor("en").termKey("служби")).toBe("служби");
    expect(wordKeysFor("de").textKeys("dienste")).toEqual(["dienste"]);
    expect(wordKeysFor("kk-Latn").textKeys("qyzmettіñ")).toEqual(["qyzmettіñ"]);
  });

  it("builds search stems of a phrase", () => {
    expect(searchStems(["Державної", "служби"], "uk")).toBe("державн служб");
    expect(searchStems(["қызметтерінің"], "kk")).toBe("қызмет");
  });

  it("tokenises with offsets, apostrophes inside words, and marks sentence breaks", () => {
    const text = "Об’єкт, м'ясо — IT-хаб (2013).";
    const tokens = tokenize(text, "uk");
    expect(tokens.map((t) => [t.text, text.slice(t.start, t.end), t.breakBefore])).toEqual([
      ["Об’єкт", "Об’єкт", true],
      ["м'ясо", "м'ясо", true],
      ["IT", "IT", false],
      ["хаб", "хаб", false],
      ["2013", "2013", true],
    ]);
  });
});
