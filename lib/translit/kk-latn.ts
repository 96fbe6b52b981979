// Kazakh Cyrillic → the 2021 Latin alphabet (docs/kk-latn.md). Letter by letter: a letter always gives
// the same number of characters whatever its case, so offsets into the Cyrillic text can be moved
// to the Latin one (kkLatnOffset). Anything that is not a Kazakh Cyrillic letter is kept as it is.

/** Lower-case Cyrillic → lower-case Latin. The alphabet's 31 letters, then the documented rules. */
const LOWER: Record<string, string> = {
  а: "a",
  ә: "ä",
  б: "b",
  в: "v",
  г: "g",
  ғ: "ğ",
  д: "d",
  е: "e",
  ж: "j",
  з: "z",
  и: "i",
  й: "i",
  і: "ı",
  к: "k",
  қ: "q",
  л: "l",
  м: "m",
  н: "n",
  ң: "ñ",
  о: "o",
  ө: "ö",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "ū",
  ү: "ü",
  ф: "f",
  х: "h",
  һ: "h",
  ш: "ş",
  ы: "y",
  // Letters of Russian loanwords, outside the 2021 alphabet (docs/kk-latn.md).
  ц: "ts",
  ч: "ch",
  щ: "şş",
  ё: "io",
  ю: "iu",
  я: "ia",
  э: "e",
  ъ: "",
  ь: "",
};

/** Turkish upper-casing gives i → İ and ı → I, as the alphabet needs. */
const upper = (s: string) => s.toLocaleUpperCase("tr");

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Cyrillic Kazakh text written in the 2021 Latin alphabet. */
export function toKkLatn(text: string): string {
  let out = "";
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lower = ch.toLowerCase();
    const latin = LOWER[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (ch === lower || latin === "") {
      out += latin;
      continue;
    }
    if (latin.length === 1) {
      out += upper(latin);
      continue;
    }
    // Two letters for one capital: all capitals inside a word written in capitals (ЩИ → ŞŞI),
    // else only the first (Щи → Şşi). The next letter decides; at the end of a word, the one before.
    const next = chars[i + 1];
    const neighbour = next !== undefined && next.toLowerCase() !== next.toUpperCase() ? next : chars[i - 1];
    out += isUpperLetter(neighbour) ? upper(latin) : upper(latin[0]) + latin.slice(1);
  }
  return out;
}

/** Where the character at `offset` (UTF-16 units) of the Cyrillic text lands in toKkLatn(text). */
export function kkLatnOffset(text: string, offset: number): number {
  return toKkLatn(text.slice(0, offset)).length;
}
