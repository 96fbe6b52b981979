// What an imported translation becomes, by the rules of a save (lib/translations/save.ts): the
// file's status is applied only if the importer's role may set it and it fits the text (a text is
// never "new", an empty one always is); otherwise a changed text gets the status a save of it
// would get (draft, or new when emptied) and a status-only change is not applied. Either way the
// report lists it, so a translator cannot change approved text and keep it approved unnoticed.
import type { TranslationStatus } from "../../segments/status";
import { impliedStatus } from "../../translations/save-rule";
import type { ExchangeTarget } from "../types";

/** A status the file asked for and the one the translation has after the import. */
export interface Downgrade {
  position: number;
  lang: string;
  requested: TranslationStatus;
  status: TranslationStatus;
}

export type TargetDecision =
  | { write: false; downgradedTo?: TranslationStatus }
  | { write: true; text: string; status: TranslationStatus; downgradedTo?: TranslationStatus };

/** Statuses the importer may set; undefined: any (the command line acts as the administrator). */
export type AllowedStatuses = readonly TranslationStatus[] | undefined;

/** A target that is empty and "new" in the file has never been touched there: it says nothing. */
export const pristine = (t: ExchangeTarget) => t.text === "" && t.status === "new";

export function decideTarget(
  target: ExchangeTarget,
  current: { text: string; status: string },
  allowed: AllowedStatuses,
): TargetDecision {
  if (pristine(target)) return { write: false };
  const previous = current.status as TranslationStatus;
  const textChanged = target.text !== current.text;
  if (!textChanged && target.status === previous) return { write: false };
  const empty = target.text.trim() === "";
  const fits = empty ? target.status === "new" : target.status !== "new";
  const mayApply = fits && (allowed === undefined || allowed.includes(target.status));
  if (mayApply) return { write: true, text: target.text, status: target.status };
  if (!textChanged) return { write: false, downgradedTo: previous };
  const status = impliedStatus(target.text, previous, true);
  return { write: true, text: target.text, status, downgradedTo: status };
}
