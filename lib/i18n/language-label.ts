// A language's name for people: our own translation for the languages the interface knows by name
// (messages: lang.<tag>), otherwise the name ICU gives in the interface language (Intl.DisplayNames),
// so any BCP 47 tag a project uses has a readable name.
import type { TFunction } from "i18next";
import { languageName } from "../projects/language-tags";

export function languageLabel(t: TFunction, tag: string, interfaceLang: string): string {
  return t(`lang.${tag}`, { defaultValue: languageName(tag, interfaceLang) });
}
