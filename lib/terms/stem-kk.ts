// Kazakh word keys: our suffix stripper (no Kazakh stemmer or lemmatiser exists on npm). Kazakh is
// agglutinative: noun + plural + possessive + case, each suffix in variants chosen by vowel harmony
// and by the sound it follows (қызмет-тер-і-нің, бағдарлама-лар-ы-на). The stripper undoes the
// three slots from the end, case first, and returns every reading it finds, longest first: a text
// word's readings are looked up among the glossary's words and the longest one present wins, so
// "тақтаның" is "тақта" when the glossary has "тақта" and is never cut down to "тақ". The rules and
// their known misses are in docs/terminology.md.

const VOWELS = new Set("аәеёиоөуұүыіэюя");
const VOICELESS = new Set("кқпстфхцчшщбвгд");
/** Which sounds a suffix variant may follow. */
type After = "V" | "R" | "L" | "N" | "Z" | "K";

const ALL: After[] = ["V", "R", "L", "N", "Z", "K"];

/** V: a vowel; R: р й у и; L: л; N: м н ң; Z: з ж ғ; K: voiceless (and б в г д, devoiced at the end). */
function classOf(ch: string): After[] {
  if (ch === "у" || ch === "и") return ["V", "R"];
  if (VOWELS.has(ch)) return ["V"];
  if (ch === "р" || ch === "й") return ["R"];
  if (ch === "л") return ["L"];
  if (ch === "м" || ch === "н" || ch === "ң") return ["N"];
  if (ch === "з" || ch === "ж" || ch === "ғ") return ["Z"];
  if (VOICELESS.has(ch)) return ["K"];
  return ALL;
}

interface Suffix {
  text: string;
  after: readonly After[];
  /** Only after a 3rd-person possessive (-ы/-і/-сы/-сі): қызметі-не, қызметі-н, қызметі-нде. */
  afterPossessive?: boolean;
  /** Only after a 1st/2nd-person singular possessive (-м, -ң): қызметім-е, қызметің-е. */
  afterPersonal?: boolean;
}

const S = (texts: string, after: After[], extra: Partial<Suffix> = {}): Suffix[] =>
  texts.split(" ").map((text) => ({ text, after, ...extra }));
const VOICED: After[] = ["V", "R", "L", "N", "Z"];

// Case endings (and the locative-attributive -дағы, which takes the same slot).
const CASES: Suffix[] = [
  ...S("ның нің", ["V", "N"]),
  ...S("дың дің", ["R", "L", "Z"]),
  ...S("тың тің", ["K"]),
  ...S("ны ні", ["V"]),
  ...S("ды ді", ["R", "L", "N", "Z"]),
  ...S("ты ті", ["K"]),
  ...S("н", ["V"], { afterPossessive: true }),
  ...S("ға ге", VOICED),
  ...S("қа ке", ["K"]),
  ...S("на не", ["V"], { afterPossessive: true }),
  ...S("а е", ["N"], { afterPersonal: true }),
  ...S("да де", VOICED),
  ...S("та те", ["K"]),
  ...S("нда нде", ["V"], { afterPossessive: true }),
  ...S("дан ден", ["V", "R", "L", "Z"]),
  ...S("нан нен", ["N"]),
  ...S("нан нен", ["V"], { afterPossessive: true }),
  ...S("тан тен", ["K"]),
  ...S("мен", ["V", "R", "L"]),
  ...S("бен", ["N", "Z"]),
  ...S("пен", ["K"]),
  ...S("дағы дегі", VOICED),
  ...S("тағы тегі", ["K"]),
  ...S("ндағы ндегі", ["V"], { afterPossessive: true }),
];

const CONSONANTS: After[] = ["R", "L", "N", "Z", "K"];
const POSSESSIVES: Suffix[] = [
  ...S("ы і", CONSONANTS),
  ...S("сы сі", ["V"]),
  ...S("ым ім ың ің", CONSONANTS),
  ...S("м ң", ["V"]),
  ...S("ымыз іміз ыңыз іңіз", CONSONANTS),
  ...S("мыз міз ңыз ңіз", ["V"]),
];

const PLURALS: Suffix[] = [...S("лар лер", ["V", "R"]), ...S("дар дер", ["L", "N", "Z"]), ...S("тар тер", ["K"])];

/** A stem keeps at least two letters, one of them a vowel. */
const MIN_STEM = 2;
function isStem(stem: string): boolean {
  if (stem.length < MIN_STEM) return false;
  for (const ch of stem) if (VOWELS.has(ch)) return true;
  return false;
}

const POSSESSIVE_3 = /(?:[ыі]|с[ыі])$/;
const PERSONAL = /[мң]$/;

function strip(form: string, suffixes: Suffix[]): string[] {
  const out: string[] = [];
  for (const suffix of suffixes) {
    if (!form.endsWith(suffix.text)) continue;
    const rest = form.slice(0, -suffix.text.length);
    if (!isStem(rest)) continue;
    if (suffix.afterPossessive && !POSSESSIVE_3.test(rest)) continue;
    if (suffix.afterPersonal && !PERSONAL.test(rest)) continue;
    if (!classOf(rest.at(-1)!).some((c) => suffix.after.includes(c))) continue;
    out.push(rest);
  }
  return out;
}

// A final к/қ/п becomes voiced before a vowel: кітап → кітабы, жүрек → жүрегі, тарақ → тарағы.
const DEVOICE: Record<string, string> = { б: "п", г: "к", ғ: "қ" };

function withDevoiced(forms: string[], before: string[]): string[] {
  const out = [...forms];
  for (const form of forms) {
    const last = form.at(-1)!;
    if (DEVOICE[last] && !before.includes(form)) out.push(form.slice(0, -1) + DEVOICE[last]);
  }
  return out;
}

/** Every reading of a lower-cased, normalised Kazakh word, longest first (the word itself first). */
export function kazakhKeys(word: string): string[] {
  let forms = [word];
  for (const slot of [CASES, POSSESSIVES, PLURALS]) {
    const next = [...forms];
    for (const form of forms) for (const rest of strip(form, slot)) if (!next.includes(rest)) next.push(rest);
    forms = withDevoiced(next, forms);
  }
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** The shortest reading: every suffix the rules recognise stripped (for search, where no glossary guides). */
export function stemKazakh(word: string): string {
  const keys = kazakhKeys(word);
  return keys[keys.length - 1];
}
