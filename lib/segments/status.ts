import { z } from "zod";
import { translationStatuses } from "./statuses";

// The constants live in statuses.ts (zod-free, for the browser); here is the enum that validates them.
export { DONE_STATUSES, translationStatuses, zeroByStatus } from "./statuses";
export const TranslationStatus = z.enum(translationStatuses);
export type TranslationStatus = z.infer<typeof TranslationStatus>;
