import { z } from "zod";

/** The life of a translation, in workflow order (DEVELOPERS: new → draft → translated → review). */
export const translationStatuses = ["new", "draft", "translated", "reviewed", "approved", "rejected"] as const;
export const TranslationStatus = z.enum(translationStatuses);
export type TranslationStatus = z.infer<typeof TranslationStatus>;
