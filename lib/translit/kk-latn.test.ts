import { describe, expect, it } from "vitest";
import { kkLatnOffset, toKkLatn } from "./kk-latn";

describe("toKkLatn", () => {
  it.each([
    ["Қазақстан Республикасы", "Qazaqstan Respublikasy"],
    ["мемлекеттік", "memlekettık"],
    ["Ұлттық", "Ūlttyq"],
    ["Мемлекеттік қызмет", "Memlekettık qyzmet"],
    ["әліпби", "älıpbi"],
    ["ғылым", "ğylym"],
    ["жаңа", "jaña"],
    ["өнер", "öner"],
    ["үй", "üi"],
    ["шаһар", "şahar"],
    ["хабар", "habar"],
    ["ұлы", "ūly"],
    ["фермер", "fermer"],
    ["вагон", "vagon"],
  ])("%s → %s", (cyrillic, latin) => {
    expect(toKkLatn(cyrillic)).toBe(latin);
  });

  it("writes и and й as i (İ), і as ı (I)", () => {
    expect(toKkLatn("ине")).toBe("ine");
    expect(toKkLatn("Ине")).toBe("İne");
    expect(toKkLatn("ИНЕ")).toBe("İNE");
    expect(toKkLatn("ай")).toBe("ai");
    expect(toKkLatn("ілім")).toBe("ılım");
    expect(toKkLatn("Ілім")).toBe("Ilım");
    expect(toKkLatn("ІЛІМ")).toBe("ILIM");
  });

  it("follows the documented rules for letters outside the alphabet", () => {
    expect(toKkLatn("цирк")).toBe("tsirk");
    expect(toKkLatn("чемпион")).toBe("chempion");
    expect(toKkLatn("ащы")).toBe("aşşy");
    expect(toKkLatn("ёлка")).toBe("iolka");
    expect(toKkLatn("юрист")).toBe("iurist");
    expect(toKkLatn("Ресей мен Қытай ядролық")).toBe("Resei men Qytai iadrolyq");
    expect(toKkLatn("экономика")).toBe("ekonomika");
    expect(toKkLatn("объект")).toBe("obekt");
    expect(toKkLatn("пьеса")).toBe("pesa");
  });

  it("capitalises two-letter replacements by their neighbour", () => {
    // ю, я, ё are й + a vowel, and й is i: capital İ.
    expect(toKkLatn("Юрист")).toBe("İurist");
    expect(toKkLatn("ЮРИСТ")).toBe("İURİST");
    expect(toKkLatn("Цемент")).toBe("Tsement");
    expect(toKkLatn("ЦЕМЕНТ")).toBe("TSEMENT");
    expect(toKkLatn("ЩИ")).toBe("ŞŞİ");
    expect(toKkLatn("ТАЩ")).toBe("TAŞŞ");
    expect(toKkLatn("Я")).toBe("İa");
    expect(toKkLatn("Я,")).toBe("İa,");
  });

  it("keeps punctuation, digits and other scripts unchanged", () => {
    expect(toKkLatn("«Реформа» — 2013 [52, с. 5]")).toBe("«Reforma» — 2013 [52, s. 5]");
    expect(toKkLatn("UNDP, 2013")).toBe("UNDP, 2013");
    expect(toKkLatn("")).toBe("");
  });

  it("moves offsets to the Latin text", () => {
    const text = "Щи және юрист";
    expect(kkLatnOffset(text, 0)).toBe(0);
    expect(kkLatnOffset(text, 2)).toBe(3);
    const start = text.indexOf("юрист");
    const latin = toKkLatn(text);
    expect(latin.slice(kkLatnOffset(text, start), kkLatnOffset(text, text.length))).toBe("iurist");
  });
});
