// A deterministic Ukrainian-like document: Cyrillic words from a small vocabulary, sentences of varied
// length with commas, «quotes», dashes and citations like [52, с. 5], and some list items. The
// paragraph lengths vary widely but follow a byte budget, so the total lands on the requested size.
import type { ParsedSegment } from "../lib/segments/parse-text";
import { countWords } from "../lib/segments/word-count";

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = (
  "державна служба реформа управління агентство міністерство країна республіка закон кодекс політика " +
  "система досвід розвиток модернізація кадри службовець посада конкурс оцінка ефективність прозорість " +
  "відповідальність підзвітність громадяни суспільство інститут орган влада рішення програма стратегія " +
  "концепція принцип механізм процедура функція повноваження ресурси бюджет фінансування звіт аналіз " +
  "дослідження експерт конференція круглий стіл ініціатива партнерство співпраця організація регіон " +
  "область місто район населення послуга якість стандарт етика кодексу поведінки корупція запобігання " +
  "навчання підготовка кваліфікація атестація ротація кар'єра винагорода оплата праці мотивація резерв " +
  "лідерство менеджмент персонал відбір призначення звільнення контроль моніторинг результат показник " +
  "держава уряд парламент президент указ постанова норма право обов'язок свобода довіра відкритість " +
  "цифровізація електронний уряд платформа дані інформація комунікація діалог консультації зміни"
).split(" ");

const ADJECTIVES = (
  "державної нової ефективної професійної сучасної міжнародної національної регіональної місцевої " +
  "публічної правової кадрової адміністративної економічної соціальної політичної відкритої прозорої " +
  "важливої основної головної значної перехідної стратегічної єдиної незалежної відповідальної " +
  "конкурентної меритократичної інституційної законодавчої виконавчої цифрової довгострокової"
).split(" ");

const VERBS = (
  "забезпечує визначає передбачає запроваджує регулює підтримує посилює розширює удосконалює " +
  "формує реалізує розглядає встановлює сприяє дозволяє вимагає гарантує відображає демонструє " +
  "оцінює аналізує обґрунтовує пропонує досягає спрямовує координує здійснює відіграє становить"
).split(" ");

const ADVERBS = "зокрема насамперед водночас отже також особливо поступово суттєво вперше нині згодом".split(" ");
const LINKS = "та і або але що який яка які де коли тому оскільки щоб проте".split(" ");
const PREPOSITIONS = "у в на до від для з із про через під над між за щодо".split(" ");
const NAMES = "Казахстан Україна Астана Київ Естонія Грузія Сінгапур Канада Франція Польща".split(" ");
const ORGS = "Агентства ПРООН ОЕСР Світового банку Ради Європи Верховної Ради Кабінету Міністрів".split(" ");

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function clause(rand: () => number, words: number): string[] {
  const out: string[] = [];
  while (out.length < words) {
    const r = rand();
    if (r < 0.34) out.push(pick(rand, NOUNS));
    else if (r < 0.52) out.push(pick(rand, ADJECTIVES), pick(rand, NOUNS));
    else if (r < 0.66) out.push(pick(rand, VERBS));
    else if (r < 0.78) out.push(pick(rand, PREPOSITIONS), pick(rand, NOUNS));
    else if (r < 0.86) out.push(pick(rand, LINKS));
    else if (r < 0.92) out.push(pick(rand, ADVERBS));
    else if (r < 0.96) out.push(pick(rand, NAMES));
    else out.push(pick(rand, ORGS));
  }
  return out;
}

/** About `length` words (a word pair may add one), with the odd comma, dash, quote, year or citation. */
function sentence(rand: () => number, length: number): string {
  const words = clause(rand, length);
  let text = capitalize(words.join(" "));
  // A comma or a dash somewhere in the middle of longer sentences.
  if (length > 8 && rand() < 0.6) {
    const at = text.indexOf(" ", Math.floor(text.length / 2));
    if (at > 0) text = `${text.slice(0, at)}${rand() < 0.7 ? "," : " —"}${text.slice(at)}`;
  }
  if (rand() < 0.12) text += ` «${capitalize(clause(rand, 2 + Math.floor(rand() * 5)).join(" "))}»`;
  if (rand() < 0.1) text += ` у ${1991 + Math.floor(rand() * 35)} році`;
  if (rand() < 0.15) text += ` [${1 + Math.floor(rand() * 120)}, с. ${1 + Math.floor(rand() * 400)}]`;
  return `${text}${rand() < 0.05 ? "?" : "."}`;
}

function listItem(rand: () => number): string {
  const words = clause(rand, 2 + Math.floor(rand() * 9));
  return `${words.join(" ")}${rand() < 0.5 ? ";" : ""}`;
}

/** Cyrillic is two bytes a letter: an average word and its space come to about this. */
const BYTES_PER_WORD = 16;

export interface GeneratedDocument {
  segments: ParsedSegment[];
  bytes: number;
  listItems: number;
}

/** `paragraphs` segments of about `targetBytes` UTF-8 in total, the same for the same seed. */
export function generateDocument(paragraphs: number, targetBytes: number, seed: number): GeneratedDocument {
  const rand = prng(seed);
  const segments: ParsedSegment[] = [];
  let bytes = 0;
  let listItems = 0;
  let listLeft = 0;
  for (let i = 0; i < paragraphs; i++) {
    if (listLeft === 0 && i > 0 && rand() < 0.03) listLeft = 2 + Math.floor(rand() * 6);
    let source: string;
    const isItem = listLeft > 0;
    if (isItem) {
      listLeft--;
      listItems++;
      source = listItem(rand);
    } else {
      // What is left of the budget, spread over the paragraphs left, times a wide random factor.
      const mean = (targetBytes - bytes) / (paragraphs - i);
      const wanted = mean * (0.3 + 1.4 * rand() * rand() + (rand() < 0.1 ? 3 * rand() : 0));
      const sentences: string[] = [];
      // Sentences of 3..26 words, mostly short, until the paragraph has its share of words.
      for (let words = Math.max(3, Math.round(wanted / BYTES_PER_WORD)); words > 0; ) {
        const length = Math.min(words, 3 + Math.floor(rand() * rand() * 24));
        sentences.push(sentence(rand, Math.max(2, length)));
        words -= length;
      }
      source = sentences.join(" ");
    }
    bytes += Buffer.byteLength(source);
    segments.push({ kind: isItem ? "list_item" : "paragraph", source, wordCount: 0 });
  }
  for (const s of segments) s.wordCount = countWords(s.source, "uk");
  return { segments, bytes, listItems };
}
