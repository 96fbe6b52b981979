// The parsed units made fit to store, or refused with the unit (and language) at fault: targets
// follow the rules of a saved translation (lib/translations/validation.ts), statuses, kinds and MQM
// labels must be known ones, positions unique. Nothing is silently changed except NFC and CRLF.
import { mqmCategories, severities } from "../../notes/mqm";
import { segmentKinds } from "../../segments/kinds";
import { translationStatuses } from "../../segments/status";
import { MAX_TRANSLATION_LENGTH, TranslationText } from "../../translations/validation";
import type { ExchangeNote, ExchangeUnit } from "../types";
import { importError } from "./errors";
import { cleanSource } from "./source-text";

const MAX_NOTE_BODY = 10_000;

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

function checkNote(note: ExchangeNote, unit: number): ExchangeNote {
  const body = text(note.body).trim();
  if (body.length > MAX_NOTE_BODY)
    throw importError("text_too_long", `A note on paragraph ${unit} is over ${MAX_NOTE_BODY} characters.`, {
      unit,
      max: MAX_NOTE_BODY,
    });
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
    replies: note.replies.map((r) => ({ ...r, body: text(r.body).trim() })),
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
