// The parsed units made fit to store, or refused with the unit (and language) at fault: targets
// follow the rules of a saved translation (lib/translations/validation.ts), notes and their replies
// those of a note (lib/notes/validation.ts), statuses, kinds and MQM labels must be known ones,
// positions unique. Nothing is silently changed except NFC and CRLF.
import { mqmCategories, severities } from "../../notes/mqm";
import { MAX_NOTE_LENGTH, noteText, noteTextProblem } from "../../notes/validation";
import { segmentKinds } from "../../segments/kinds";
import { translationStatuses } from "../../segments/status";
import { MAX_TRANSLATION_LENGTH, TranslationText } from "../../translations/validation";
import type { ExchangeNote, ExchangeUnit } from "../types";
import { importError } from "./errors";
import { cleanSource } from "./source-text";

const text = (s: string) => s.replace(/\r\n?/g, "\n").normalize("NFC");

function checkTarget(value: string, unit: number, lang: string): string {
  const parsed = TranslationText.safeParse(value);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message === "too_long" ? "text_too_long" : "control_characters";
  const message =
    reason === "text_too_long"
      ? `The ${lang} translation of paragraph ${unit} is over ${MAX_TRANSLATION_LENGTH} characters.`
      : `The ${lang} translation of paragraph ${unit} contains control characters.`;
  throw importError(reason, message, { unit, lang, max: MAX_TRANSLATION_LENGTH });
}

/** A note's or a reply's text, by the rules of a note typed in the app (length, control characters). */
function checkNoteText(value: string, unit: number, reply: boolean): string {
  const body = noteText(value);
  const problem = noteTextProblem(body);
  const what = reply ? "A reply to a note" : "A note";
  if (problem === "note_too_long")
    throw importError("note_too_long", `${what} on paragraph ${unit} is over ${MAX_NOTE_LENGTH} characters.`, {
      unit,
      max: MAX_NOTE_LENGTH,
    });
  if (problem === "control_characters")
    throw importError("note_control_characters", `${what} on paragraph ${unit} contains control characters.`, {
      unit,
    });
  return body;
}

function checkNote(note: ExchangeNote, unit: number): ExchangeNote {
  const body = checkNoteText(note.body, unit, false);
  if (note.category && !(mqmCategories as readonly string[]).includes(note.category))
    throw importError("note_label", `A note on paragraph ${unit} has an unknown category "${note.category}".`, {
      unit,
      value: note.category,
    });
  if (note.severity && !(severities as readonly string[]).includes(note.severity))
    throw importError("note_label", `A note on paragraph ${unit} has an unknown severity "${note.severity}".`, {
      unit,
      value: note.severity,
    });
  const anchor = note.anchor;
  if (
    anchor &&
    !(Number.isInteger(anchor.start) && Number.isInteger(anchor.end) && anchor.start >= 0 && anchor.end > anchor.start)
  )
    throw importError("note_label", `A note on paragraph ${unit} has an invalid anchor.`, { unit });
  return {
    ...note,
    body,
    anchor: anchor ? { ...anchor, text: text(anchor.text) } : null,
    replies: note.replies.map((r) => ({ ...r, body: checkNoteText(r.body, unit, true) })),
  };
}

/** Units sorted by position, with every text normalised and checked. */
export function checkUnits(units: ExchangeUnit[]): ExchangeUnit[] {
  const seen = new Set<number>();
  const sorted = [...units].sort((a, b) => a.position - b.position);
  return sorted.map((u) => {
    if (!Number.isInteger(u.position) || u.position < 1 || seen.has(u.position))
      throw importError("duplicate_unit", `Paragraph number ${u.position} appears twice or is not a number.`, {
        unit: u.position,
      });
    seen.add(u.position);
    if (!(segmentKinds as readonly string[]).includes(u.kind))
      throw importError("kind", `Paragraph ${u.position} has an unknown kind "${u.kind}".`, {
        unit: u.position,
        value: u.kind,
      });
    const targets: ExchangeUnit["targets"] = {};
    for (const [lang, t] of Object.entries(u.targets)) {
      if (!(translationStatuses as readonly string[]).includes(t.status))
        throw importError(
          "status",
          `The ${lang} translation of paragraph ${u.position} has an unknown status "${t.status}".`,
          {
            unit: u.position,
            lang,
            value: t.status,
          },
        );
      targets[lang] = { ...t, text: checkTarget(t.text, u.position, lang) };
    }
    return {
      ...u,
      source: cleanSource(text(u.source)),
      targets,
      notes: u.notes.map((n) => checkNote(n, u.position)),
    };
  });
}
