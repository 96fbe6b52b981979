// The translation statuses as plain data, for the browser too: the editor's bundle must not carry
// zod for six strings (the zod enum for validation is in status.ts).

/** The life of a translation, in workflow order (DEVELOPERS: new → draft → translated → review). */
export const translationStatuses = ["new", "draft", "translated", "reviewed", "approved", "rejected"] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

/** Statuses whose text counts as done: confirmed by the translator, reviewed or not yet. */
export const DONE_STATUSES: readonly TranslationStatus[] = ["translated", "reviewed", "approved"];

/** Zero for every status, to count into. */
export const zeroByStatus = () =>
  Object.fromEntries(translationStatuses.map((s) => [s, 0])) as Record<TranslationStatus, number>;
