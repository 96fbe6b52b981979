// A language's name in the interface language ("English", "Англійська", "Ағылшын тілі"), for any
// BCP-47 code a project may use, from the runtime's own data (Intl.DisplayNames): people read names,
// never codes. Names are capitalised as a label starts (CLDR writes them in lower case in uk and kk).
const byInterface = new Map<string, Intl.DisplayNames>();

export function languageName(code: string, interfaceLang: string): string {
  let names = byInterface.get(interfaceLang);
  if (!names) {
    names = new Intl.DisplayNames([interfaceLang], { type: "language", fallback: "code" });
    byInterface.set(interfaceLang, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    return code; // not a well-formed language code: show it as it is
  }
  if (!name) return code;
  return name.charAt(0).toLocaleUpperCase(interfaceLang) + name.slice(1);
}
