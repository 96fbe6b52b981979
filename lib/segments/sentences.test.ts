import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLinesText } from "./parse-text";
import { splitSentences } from "./sentences";

const texts = (text: string, lang = "uk") => splitSentences(text, lang).map((s) => s.text);
const icu = (text: string, lang = "uk") =>
  [...new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text)].map((s) => s.segment.trim());

// The demo document, sentence by sentence, as a reader splits it. Paragraph 2's quotation is one
// sentence with the words that report it (no sentence ends inside quotes); paragraph 11's list of
// "сесій" is joined by semicolons, which end no sentence.
const DEMO: string[][] = [
  [
    "ах державної служби та його регіональних управлінь, які забезпечують реалізацію єдиної кадрової політики в масштабі республіки.",
    "Висока оцінка Агентству була дана учасниками міжнародного круглого столу «Реформа державної служби - досвід перехідних країн».",
    "Зокрема, зазначалося, що в країнах СНД немає державного органу, подібного Агентству у справах державної служби.",
    "За невеликий термін совій діяльності, на думку міжнародних експертів, Казахстан домігся великого прогресу в модернізації державної служби [52, с. 5].",
  ],
  [
    "Важливу роль у модернізації державної служби Казахстану відіграло створення в березні 2013 року в м. Астана Регіонального хаба у сфері державної служби.",
    "«Це довгостроковий проект між нашою організацією та Агентством у справах державної служби. Дуже важлива ініціатива Казахстану з організації Регіонального хаба », - висловив свою думку координатор ООН і постійний представник ПРООН Стівен Тулл.",
    "Він також висловив упевненість, що у цієї структури великий потенціал, а також є всі необхідні передумови для того, щоб Казахстан зайняв лідируючу позицію у реформуванні державної служби [53].",
  ],
  [
    "Варто відзначити, що ідея створення нового інституту у сфері державної служби з обміну знаннями та досвідом у сфері державної служби для країн - учасниць СНД, Грузії та Афганістану підтримана Главою держави.",
    "Регіональний хаб покликаний стати багатосторонньої майданчиком для налагодження діалогу практиків, науковців та експертів з проблем модернізації державної служби, а також основою для проведення спільних програм і проектів, організації професійних мереж та експертних спільнот.",
  ],
  [
    "ПРООН в якості партнера мають намір забезпечити робочі ресурси, програми допомоги, мережі і знання для здійснення скоординованого програмного підходу та ефективної реалізації ідеї хаба на регіональному рівні.",
  ],
  ["Основними завданнями Регіонального хаба визначені наступні:"],
  ["аналіз поточних реформ державної служби в країнах регіону;"],
  ["зміцнення співробітництва та потенціалу професійної та експертної мереж;"],
  ["створення умов та інституційної майданчики для безперервного обміну передовим досвідом;"],
  [
    "Зараз Регіональний хаб знаходиться на 2 етапі розвитку, який передбачає розробку спільних програм і базових наукових досліджень у сфері державної служби та зміцнення спільноти професійних експертів в регіоні.",
  ],
  [
    "Також передбачається організація конференцій, круглих столів, тематичних дискусій і курсів навчання для державних службовців із залученням національних та іноземних експертів, у тому числі експертів практиків, і організація спільних стажувань та навчальних практик в галузях, що становлять спільний інтерес для професорсько викладацького складу, наукових і адміністративних співробітників і навчаються.",
  ],
  [
    "У 2013 році проведено 2 семінару-тренінгу Регіонального хаба у сфері державної служби.",
    "Семінар-тренінг на тему: «Актуальні проблеми модернізації державної служби» для управлінської ланки уповноважених державних органів та освітніх установ у сфері державної служби країн-учасниць хаба складався з сесій: інновації в управлінні людськими ресурсами державної служби; громадська підзвітність і антикорупційна політика в системі державної служби; оцінка ефективності державної служби та діяльності державних.",
    "Наступний семінар-тренінг...",
  ],
];

describe("splitSentences on the demo document", () => {
  const paragraphs = parseLinesText(readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8"));

  it("finds 4, 3, 2, 1, 1, 1, 1, 1, 1, 1 and 3 sentences", () => {
    expect(paragraphs.map((p) => splitSentences(p.source, "uk").length)).toEqual([4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 3]);
  });

  it("ends each sentence exactly where a reader does", () => {
    expect(paragraphs.map((p) => texts(p.source))).toEqual(DEMO);
  });

  it("gives offsets that cut the paragraph into its sentences and the spaces between them", () => {
    for (const p of paragraphs) {
      const sentences = splitSentences(p.source, "uk");
      let at = 0;
      for (const s of sentences) {
        expect(p.source.slice(s.start, s.end)).toBe(s.text);
        expect(p.source.slice(at, s.start).trim()).toBe("");
        at = s.end;
      }
      expect(p.source.slice(at)).toBe("");
    }
  });
});

describe("splitSentences: where a full stop ends no sentence", () => {
  it("keeps what Intl.Segmenter alone breaks: «в м. Астана» and «с. 7]»", () => {
    const city = "Хаб створено в м. Астана у 2013 році.";
    const page = "Дані наведено в [52, с. 5] і [12, с. 7].";
    expect(icu(city)).toEqual(["Хаб створено в м.", "Астана у 2013 році."]);
    expect(icu(page)).toEqual(["Дані наведено в [52, с. 5] і [12, с.", "7]."]);
    expect(texts(city)).toEqual([city]);
    expect(texts(page)).toEqual([page]);
  });

  it("keeps Ukrainian abbreviations inside the sentence", () => {
    for (const sentence of [
      "Див. ст. 12 Закону про державну службу.",
      "У 1990–1995 рр. Казахстан провів реформу.",
      "Це сталося у 2013 р. Агентство тоді створило хаб.",
      "Бюджет становив 500 тис. Гривень вистачило.",
      "Деякі країни, напр. Грузія, пішли далі.",
      "Створено т. зв. Регіональний хаб.",
      "Поет Т. Г. Шевченко народився 1814 року.",
      "Див. с. 5 і п. 3 розд. 2 ч. 1 цієї праці.",
    ])
      expect(texts(sentence)).toEqual([sentence]);
  });

  it("keeps a numbered item's label with its text and ends the item", () => {
    expect(texts("1. Загальні положення. 2. Права службовців.")).toEqual([
      "1. Загальні положення.",
      "2. Права службовців.",
    ]);
    expect(texts("IV. Прикінцеві положення.")).toEqual(["IV. Прикінцеві положення."]);
  });

  it("does not end a sentence at an ellipsis inside quotes, nor before a small letter", () => {
    expect(texts("Він сказав: «Ми прийдемо... Завтра». Потім пішов.")).toEqual([
      "Він сказав: «Ми прийдемо... Завтра».",
      "Потім пішов.",
    ]);
    expect(texts("Реформа… та її наслідки. Далі.")).toEqual(["Реформа… та її наслідки.", "Далі."]);
    expect(texts("Чекали довго... Нарешті хаб відкрили.")).toEqual(["Чекали довго...", "Нарешті хаб відкрили."]);
  });

  it("knows English abbreviations", () => {
    expect(texts("Mr. Smith met Dr. Jones, e.g. at the hub, see p. 5. Then they left.", "en")).toEqual([
      "Mr. Smith met Dr. Jones, e.g. at the hub, see p. 5.",
      "Then they left.",
    ]);
    expect(texts("See No. 5 and art. 12. No. It is not.", "en")).toEqual([
      "See No. 5 and art. 12.",
      "No.",
      "It is not.",
    ]);
  });

  it("knows Kazakh abbreviations", () => {
    expect(texts("2013 ж. Астана қ. хаб құрылды. Ол 5 б. жазылған.", "kk")).toEqual([
      "2013 ж. Астана қ. хаб құрылды.",
      "Ол 5 б. жазылған.",
    ]);
  });
});

describe("splitSentences: where sentences end", () => {
  it("ends sentences at . ! ? before a capital, a number or an opening quote", () => {
    expect(texts("Так? Ні! Можливо. 2013 рік був важким. «Реформа» триває.")).toEqual([
      "Так?",
      "Ні!",
      "Можливо.",
      "2013 рік був важким.",
      "«Реформа» триває.",
    ]);
  });

  it("ends a sentence after a closing quote or bracket, and at a line break", () => {
    expect(texts("Він сказав «так». Вона (теж) погодилась.")).toEqual(["Він сказав «так».", "Вона (теж) погодилась."]);
    expect(texts("Перший рядок\nДругий рядок")).toEqual(["Перший рядок", "Другий рядок"]);
  });

  it("is not fooled by a quote that never closes", () => {
    expect(texts("Він сказав «так. Вона погодилась.")).toEqual(["Він сказав «так.", "Вона погодилась."]);
  });

  it("splits a very long quotation inside, like any other text", () => {
    const long = `«${"Дуже довге речення цитати. ".repeat(30).trim()}»`;
    expect(texts(long)).toHaveLength(30);
  });

  it("has no sentences in blank text, and keeps text without a full stop whole", () => {
    expect(splitSentences("  ", "uk")).toEqual([]);
    expect(texts("Основні завдання")).toEqual(["Основні завдання"]);
    expect(texts("Речення без мови. Друге.", "de")).toEqual(["Речення без мови.", "Друге."]);
  });
});
