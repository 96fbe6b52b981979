// What t() says for a key the messages lack. Language names (`lang.<tag>`) are data: a project may
// use any BCP 47 tag, and only a few have a name of ours in messages/*.json; the others are named
// by ICU in the interface language (Intl.DisplayNames), so `t(\`lang.${tag}\`)` works for every tag.
import { languageName } from "../projects/language-tags";

export function missingKeyHandler(lng: string) {
  return (key: string, defaultValue?: string) => {
    if (defaultValue) return defaultValue;
    return key.startsWith("lang.") ? languageName(key.slice("lang.".length), lng) : key;
  };
}
