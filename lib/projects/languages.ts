// A project's target languages: read one way (in the project's order), refused one way.
import { AppError } from "../errors";

/** Put into a Prisma `select`/`include` of a Project: `{ languages: targetLanguages }`. */
export const targetLanguages = { orderBy: { position: "asc" }, select: { lang: true } } as const;

export const langsOf = (languages: readonly { lang: string }[]): string[] => languages.map((l) => l.lang);

/** The one "this language is not one the project translates into" refusal. */
export function notATarget(field = "lang", details: Record<string, unknown> = {}): AppError {
  return new AppError("invalid_input", { field, reason: "not_a_target", ...details });
}

export function assertTarget(
  targetLangs: readonly string[],
  lang: string,
  field = "lang",
  details: Record<string, unknown> = {},
): void {
  if (!targetLangs.includes(lang)) throw notATarget(field, details);
}
