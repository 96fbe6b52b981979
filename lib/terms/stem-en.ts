// English word keys: Porter2 (the Snowball "english" stemmer) from wink-porter2-stemmer. It strips
// the possessive ('s, s') itself; normalize.ts turns ’ into ' first.
import porter2 from "wink-porter2-stemmer";

export function stemEnglish(word: string): string {
  return porter2(word);
}
