// What a glossary entry may hold, checked where it enters (API, server action, import). A refusal
// is AppError invalid_input with the field and a reason (errors.reasons.<reason> in messages/*.json).
import { z } from "zod";
import { FORBIDDEN_CONTROL } from "../translations/validation";
import { tokenize } from "./tokenize";
import { PARTS_OF_SPEECH, TERM_STATUSES } from "./types";

export const MAX_TERM_LENGTH = 300;
export const MAX_TERM_TEXT_LENGTH = 5000;
export const MAX_TRANSLATIONS = 100;

const Lang = z
  .string({ message: "bad_lang" })
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: "bad_lang" });

/** A term: NFC, one space between words, at most 300 characters, at least one word. */
export const TermText = z
  .string({ message: "term_empty" })
  .transform((s) => s.normalize("NFC").replace(/\s+/gu, " ").trim())
  .refine((s) => s.length > 0, { message: "term_empty" })
  // Refused at once: the checks after it read every character (one of 84,000 took seconds).
  .refine((s) => s.length <= MAX_TERM_LENGTH, { message: "term_too_long", abort: true })
  .refine((s) => !FORBIDDEN_CONTROL.test(s), { message: "control_characters" })
  .refine((s) => tokenize(s, "und").length > 0, { message: "term_no_word" });

const LongText = z
  .string()
  .max(MAX_TERM_TEXT_LENGTH, { message: "too_long" })
  .refine((s) => !FORBIDDEN_CONTROL.test(s.replace(/[\r\n\t]/g, "")), { message: "control_characters" })
  .transform((s) => s.replace(/\r\n?/g, "\n").normalize("NFC").trim());

export const TranslationInput = z.object({
  lang: Lang,
  term: TermText,
  status: z.enum(TERM_STATUSES, { message: "bad_term_status" }).default("preferred"),
  note: LongText.default(""),
});
export type TranslationInput = z.input<typeof TranslationInput>;

const PartOfSpeech = z.enum(PARTS_OF_SPEECH, { message: "bad_part_of_speech" }).nullish();

export const EntryInput = z.object({
  term: TermText,
  /** Defaults to the project's source language. */
  sourceLang: Lang.optional(),
  translations: z.array(TranslationInput).max(MAX_TRANSLATIONS, { message: "too_many_translations" }).default([]),
  partOfSpeech: PartOfSpeech,
  definition: LongText.default(""),
  note: LongText.default(""),
  example: LongText.default(""),
  caseSensitive: z.boolean({ message: "bad_boolean" }).default(false),
});
export type EntryInput = z.input<typeof EntryInput>;
export type ParsedEntry = z.output<typeof EntryInput>;

/** A change: only what is given changes; `translations`, when given, replaces the whole list. */
export const EntryUpdate = z
  .object({
    term: TermText.optional(),
    translations: z.array(TranslationInput).max(MAX_TRANSLATIONS, { message: "too_many_translations" }).optional(),
    partOfSpeech: PartOfSpeech,
    definition: LongText.optional(),
    note: LongText.optional(),
    example: LongText.optional(),
    caseSensitive: z.boolean({ message: "bad_boolean" }).optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: "nothing_to_change" });
export type EntryUpdate = z.input<typeof EntryUpdate>;

export const ListQuery = z.object({
  q: z.string().max(MAX_TERM_LENGTH, { message: "term_too_long" }).optional(),
  /** Entries with a translation into this language (and, with `status`, of that status). */
  lang: Lang.optional(),
  status: z.enum(TERM_STATUSES, { message: "bad_term_status" }).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListQuery = z.input<typeof ListQuery>;
