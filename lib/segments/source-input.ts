// A source paragraph's text as it may be typed: one paragraph (a line break would be two: split
// instead), no control characters, at most 20,000 characters, stored NFC without surrounding spaces.
import { z } from "zod";
import { FORBIDDEN_CONTROL, MAX_TRANSLATION_LENGTH } from "../translations/validation";

export const SourceText = z
  .string({ message: "source_empty" })
  .transform((s) => s.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, { message: "source_empty" })
      .max(MAX_TRANSLATION_LENGTH, { message: "too_long" })
      .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { message: "source_line_break" })
      .refine((s) => !FORBIDDEN_CONTROL.test(s), { message: "control_characters" }),
  );
