// Ukrainian-like text for the memory benchmark (bench/tm.ts). bench/generate-document.ts draws from
// ~300 words, so every word is in every tenth sentence: no index could pick candidates, and no real
// memory looks like that. Here the vocabulary is ~30,000 lemmas (its real civil-service words first,
// then made-up Cyrillic stems), each inflected with Ukrainian endings, drawn with Zipf's law, so a
// million sentences have common words ("державної") and rare ones, as real text does. Sentences keep
// generate-document's shapes: commas, dashes, «quotes», years and citations like [52, с. 5].
import { prng } from "./generate-document";

const REAL_STEMS = (
  "держав служб реформ управлін агентств міністерств країн республік закон кодекс політик систем досвід " +
  "розвит модернізац кадр службовц посад конкурс оцінк ефективн прозор відповідальн підзвітн громадян " +
  "суспільств інститут орган влад рішен програм стратег концепц принцип механізм процедур функц " +
  "повноважен ресурс бюджет фінансуван звіт аналіз дослідж експерт конференц ініціатив партнерств " +
  "співпрац організац регіон област міст район населен послуг якост стандарт етик корупц навчан " +
  "підготовк кваліфікац атестац ротац кар'єр винагород оплат мотивац резерв лідерств менеджмент персонал"
).split(" ");
const CONSONANTS = "бвгджзклмнпрстфхцчшщ".split("");
const VOWELS = "аеиіоуяюєї".split("");
const NOUN_ENDINGS = ["а", "и", "і", "у", "ою", "ам", "ами", "ах", "ів", "ові", "ом", "ь"];
const ADJ_ENDINGS = ["ий", "а", "е", "ого", "ому", "им", "ої", "ій", "ою", "і", "их", "ими"];
const VERB_ENDINGS = ["ує", "ують", "ував", "увала", "увати", "ується", "ить", "ять", "ив", "ила"];
const FUNCTION_WORDS = "та і в у на до від для з із про через під над між за щодо що який яка які де коли а але".split(
  " ",
);
const NAMES = "Казахстан Україна Астана Київ Естонія Грузія Сінгапур Канада Франція Польща ООН ПРООН ОЕСР".split(" ");

interface Lemma {
  stem: string;
  endings: string[];
  latin: string;
}

const TRANSLIT: Record<string, string> = Object.fromEntries(
  [..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"].map((c, i) => [
    c,
    [
      "a",
      "b",
      "v",
      "h",
      "g",
      "d",
      "e",
      "ie",
      "zh",
      "z",
      "y",
      "i",
      "i",
      "i",
      "k",
      "l",
      "m",
      "n",
      "o",
      "p",
      "r",
      "s",
      "t",
      "u",
      "f",
      "kh",
      "ts",
      "ch",
      "sh",
      "sch",
      "",
      "iu",
      "ia",
      "",
    ][i],
  ]),
);

export class TextGenerator {
  private readonly rand: () => number;
  private readonly lemmas: Lemma[];
  /** Cumulative Zipf weights over the lemmas. */
  private readonly cumulative: Float64Array;

  constructor(seed: number, lemmaCount = 30_000) {
    this.rand = prng(seed);
    const vocab = prng(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(vocab() * list.length)];
    this.lemmas = [];
    const seen = new Set<string>();
    for (let i = 0; this.lemmas.length < lemmaCount; i++) {
      let stem = REAL_STEMS[i];
      if (!stem) {
        stem = "";
        const syllables = 2 + Math.floor(vocab() * 3);
        for (let s = 0; s < syllables; s++) stem += pick(CONSONANTS) + pick(VOWELS);
        stem += pick(CONSONANTS);
      }
      if (seen.has(stem)) continue;
      seen.add(stem);
      const r = vocab();
      const endings = r < 0.55 ? NOUN_ENDINGS : r < 0.8 ? ADJ_ENDINGS : VERB_ENDINGS;
      const latin = [...stem].map((c) => TRANSLIT[c] ?? c).join("");
      this.lemmas.push({ stem, endings, latin });
    }
    this.cumulative = new Float64Array(lemmaCount);
    let sum = 0;
    for (let r = 0; r < lemmaCount; r++) {
      sum += 1 / (r + 1) ** 1.05;
      this.cumulative[r] = sum;
    }
  }

  random(): number {
    return this.rand();
  }

  private lemma(): Lemma {
    const x = this.rand() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.lemmas[lo];
  }

  /** One word form: a function word, a name, or an inflected lemma. */
  word(): string {
    const r = this.rand();
    if (r < 0.22) return FUNCTION_WORDS[Math.floor(this.rand() * FUNCTION_WORDS.length)];
    if (r < 0.25) return NAMES[Math.floor(this.rand() * NAMES.length)];
    const lemma = this.lemma();
    return lemma.stem + lemma.endings[Math.floor(this.rand() * lemma.endings.length)];
  }

  /** A sentence of 4..30 words (mostly 8..18), with the odd comma, dash, quote, year or citation. */
  sentence(): string {
    const length = 4 + Math.floor(this.rand() * 8 + this.rand() * 8 + this.rand() * 10);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(this.word());
    let text = words.join(" ");
    text = text.charAt(0).toUpperCase() + text.slice(1);
    if (length > 8 && this.rand() < 0.6) {
      const at = text.indexOf(" ", Math.floor(text.length / 2));
      if (at > 0) text = `${text.slice(0, at)}${this.rand() < 0.7 ? "," : " —"}${text.slice(at)}`;
    }
    if (this.rand() < 0.1) text += ` «${this.word()} ${this.word()} ${this.word()}»`;
    if (this.rand() < 0.1) text += ` у ${1991 + Math.floor(this.rand() * 35)} році`;
    if (this.rand() < 0.12) text += ` [${1 + Math.floor(this.rand() * 120)}, с. ${1 + Math.floor(this.rand() * 400)}]`;
    return `${text}${this.rand() < 0.05 ? "?" : "."}`;
  }

  /** The sentence with `edits` words replaced, inserted or deleted: a fuzzy match of it. */
  variant(sentence: string, edits: number): string {
    const words = sentence.split(" ");
    for (let e = 0; e < edits; e++) {
      const at = 1 + Math.floor(this.rand() * Math.max(1, words.length - 2));
      const r = this.rand();
      if (r < 0.6) words[at] = this.word();
      else if (r < 0.8) words.splice(at, 0, this.word());
      else if (words.length > 4) words.splice(at, 1);
    }
    return words.join(" ");
  }

  /** A stand-in translation: every Cyrillic letter transliterated (concordance has a target to search). */
  translation(sentence: string): string {
    return [...sentence.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join("");
  }
}
