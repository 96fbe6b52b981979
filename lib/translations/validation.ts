import { z } from "zod";
import { INT_MAX } from "../parse-input";
import { TranslationStatus } from "../segments/status";

export const MAX_TRANSLATION_LENGTH = 20_000;
// Control characters other than tab and newline (C0, DEL, C1; CR is folded into LF below) have no place in a translation.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Whether a text holds a control character other than tab and line breaks (translations, notes). */
export const hasForbiddenControl = (s: string) => FORBIDDEN_CONTROL.test(s);

export const TranslationText = z
  .string()
  .max(MAX_TRANSLATION_LENGTH, { message: "too_long" })
  .refine((s) => !hasForbiddenControl(s), { message: "control_characters" })
  // Stored NFC so the same words compare equal however they were typed; CRLF becomes LF.
  .transform((s) => s.replace(/\r\n?/g, "\n").normalize("NFC"));

/** What a save sends in its body (the path names the segment and language). */
export const SaveTranslationBody = z.object({
  text: TranslationText.describe(
    "Control characters other than tab and newline are refused; stored NFC with LF line ends",
  ),
  status: TranslationStatus.optional(),
  baseVersion: z
    .number()
    .int()
    .min(0)
    .max(INT_MAX)
    .describe("The version the edit started from; 0 for one never saved"),
});

export const SaveTranslationInput = z.object({
  segmentId: z.string().min(1).max(100),
  lang: z.string().min(2).max(20),
  ...SaveTranslationBody.shape,
});
export type SaveTranslationInput = z.input<typeof SaveTranslationInput>;
