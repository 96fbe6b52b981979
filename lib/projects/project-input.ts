// The fields a project is described by, checked the same way on creation and in its settings.
import { z } from "zod";
import { FORBIDDEN_CONTROL } from "../translations/validation";

export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;

// A name is one line: no control characters at all, tabs and line breaks included (the description
// may have line breaks, as a translation may).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_BREAKS = FORBIDDEN_CONTROL;

/** A project's or a document's name: one line of 1 to 200 characters, without surrounding spaces. */
export const NameField = z
  .string({ message: "name_required" })
  .transform((s) => s.trim().normalize("NFC"))
  .pipe(
    z
      .string()
      .min(1, { message: "name_required" })
      .max(MAX_NAME_LENGTH, { message: "name_too_long" })
      .refine((s) => !CONTROL.test(s), { message: "control_characters" }),
  );

export const DescriptionField = z
  .string()
  .transform((s) => s.trim().normalize("NFC"))
  .pipe(
    z
      .string()
      .max(MAX_DESCRIPTION_LENGTH, { message: "description_too_long" })
      .refine((s) => !CONTROL_BUT_BREAKS.test(s), { message: "control_characters" }),
  );

export const LanguageList = z
  .array(z.string({ message: "bad_language_tag" }), { message: "no_targets" })
  .max(50, { message: "too_many_targets" });
