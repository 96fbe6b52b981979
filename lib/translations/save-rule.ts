// The one rule of a save, for the full save and the one-statement fast path alike: what the text and
// status may become for this role, and which status a save ends in when the caller names none
// ("typing makes a draft, emptying makes it new"), and that reviewed and approved work stays as the
// reviewer left it for roles it is locked for.
import { isLockedFor, maySetStatus, roleAllows } from "../auth/permissions";
import type { ProjectRole } from "../auth/roles";
import { AppError } from "../errors";
import type { TranslationStatus } from "../segments/status";

export interface SaveGrounds {
  role: ProjectRole;
  reviewersMayEdit: boolean;
  translatorsMayChangeApproved: boolean;
  /** The translation as saved now; null when it has no row yet. */
  current: { text: string; status: TranslationStatus } | null;
}

/** The status a save ends in when the caller names none: what a translator expects from typing. */
export function impliedStatus(text: string, previous: TranslationStatus, textChanged: boolean): TranslationStatus {
  if (text.trim() === "") return "new";
  if (textChanged) return "draft";
  return previous;
}

/**
 * The status this save writes and whether it changes anything at all, or the refusal (forbidden,
 * or an empty text with a status).
 */
export function decideSave(grounds: SaveGrounds, input: { text: string; status?: TranslationStatus }) {
  const { role } = grounds;
  const policy = {
    reviewersMayEdit: grounds.reviewersMayEdit,
    translatorsMayChangeApproved: grounds.translatorsMayChangeApproved,
  };
  const previousStatus = grounds.current?.status ?? "new";
  const textChanged = input.text !== (grounds.current?.text ?? "");
  const status = input.status ?? impliedStatus(input.text, previousStatus, textChanged);
  // A save that would change nothing writes nothing, but it is a write all the same: refused like
  // an edit to whoever may not edit text (a viewer, a reviewer without the owner's leave).
  const changesNothing = !textChanged && status === previousStatus;
  if ((textChanged || changesNothing) && !roleAllows(role, "translation.edit", policy)) {
    throw new AppError("forbidden", { action: "translation.edit" });
  }
  // Any save is a write: a locked translation takes none from this role, not even its own text again.
  if (isLockedFor(role, previousStatus, policy)) {
    throw new AppError("forbidden", { action: "translation.edit", reason: "locked", status: previousStatus });
  }
  if (status !== previousStatus || input.status) {
    const emptied = status === "new" && input.text.trim() === "";
    if (!emptied && !maySetStatus(role, status, policy)) throw new AppError("forbidden", { action: "status", status });
  }
  if (status !== "new" && input.text.trim() === "")
    throw new AppError("invalid_input", { field: "text", reason: "empty" });
  return { status, textChanged, changesNothing };
}
