/** Interface languages (not document languages: those are data). Ukrainian first: our users' own. */
export const languages = ["uk", "en", "kk"] as const;
export type Lng = (typeof languages)[number];
export const fallbackLng: Lng = "en";
export const cookieName = "parallel-lng";

export function isLng(value: string | undefined | null): value is Lng {
  return (languages as readonly string[]).includes(value ?? "");
}
