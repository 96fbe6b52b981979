import { z } from "zod";
import { hasForbiddenControl } from "../translations/validation";
import { mqmCategories, severities } from "./mqm";

export const MAX_NOTE_LENGTH = 10_000;

/** A note's text as stored: LF line ends, NFC, no surrounding blanks. */
export const noteText = (s: string) => s.replace(/\r\n?/g, "\n").normalize("NFC").trim();

/** What is wrong with a note's (normalised) text, beyond being empty; the same for typed and imported notes. */
export function noteTextProblem(s: string): "note_too_long" | "control_characters" | null {
  if (s.length > MAX_NOTE_LENGTH) return "note_too_long";
  if (hasForbiddenControl(s)) return "control_characters";
  return null;
}

const Body = z
  .string({ message: "note_empty" })
  .transform(noteText)
  .refine((s) => s.length > 0, { message: "note_empty" })
  .superRefine((s, ctx) => {
    const problem = noteTextProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const NoteInput = z.object({
  body: Body,
  lang: z.string().min(2).max(20).nullish(),
  anchor: z
    .object({
      side: z.enum(["source", "target"]),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
    })
    .refine((a) => a.end > a.start, { message: "anchor_outside" })
    .nullish(),
  category: z.enum(mqmCategories, { message: "bad_category" }).nullish(),
  severity: z.enum(severities, { message: "bad_severity" }).nullish(),
  parentId: z.string().min(1).max(100).nullish(),
});
export type NoteInput = z.input<typeof NoteInput>;

export const NoteUpdate = z
  .object({ body: Body.optional(), resolved: z.boolean().optional() })
  .refine((u) => u.body !== undefined || u.resolved !== undefined, { message: "nothing_to_change" });
