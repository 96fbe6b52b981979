// Anchored notes follow their words when the text they are on is saved (lib/notes/anchor.ts): the
// offsets, the quote and its context are renewed from the new text; when the words are gone the
// note keeps its old anchor, marked lost ("text changed"), and is found again if they come back.
// One statement writes every note that moved, however many texts changed (bulk-write.ts).
import { updateRows, type Value } from "../db/bulk-write";
import type { Prisma, Tx } from "../db/client";
import { type Anchor, anchorAt, followAnchor } from "./anchor";

interface AnchoredNote {
  id: string;
  segmentId: string;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorText: string | null;
  anchorPrefix: string | null;
  anchorSuffix: string | null;
  anchorLost: boolean;
}

/** A paragraph's new text, and the text it had before (for anchors stored without context). */
export interface ChangedText {
  text: string;
  previous?: string;
}

const COLUMNS = ["anchorStart", "anchorEnd", "anchorText", "anchorPrefix", "anchorSuffix", "anchorLost"] as const;

/**
 * The stored anchor; an anchor stored without context (made before context was kept, or imported)
 * takes it from the text it was made on, when that is the text before this save and the words are there.
 */
function storedAnchor(note: AnchoredNote, previous: string | undefined): Anchor {
  const anchor = {
    start: note.anchorStart ?? 0,
    end: note.anchorEnd ?? 0,
    text: note.anchorText ?? "",
    prefix: note.anchorPrefix,
    suffix: note.anchorSuffix,
  };
  if ((anchor.prefix == null || anchor.suffix == null) && previous !== undefined && !note.anchorLost) {
    if (previous.slice(anchor.start, anchor.end) === anchor.text) return anchorAt(previous, anchor.start, anchor.end);
  }
  return anchor;
}

/** The note's new anchor columns, or null when nothing about it changes. */
function followed(note: AnchoredNote, change: ChangedText): Value[] | null {
  const now = followAnchor(change.text, storedAnchor(note, change.previous));
  // Words gone: the old anchor stays (it is what finds them again), marked lost.
  if (!now)
    return note.anchorLost
      ? null
      : [note.anchorStart, note.anchorEnd, note.anchorText, note.anchorPrefix, note.anchorSuffix, true];
  const unchanged =
    !note.anchorLost &&
    now.start === note.anchorStart &&
    now.end === note.anchorEnd &&
    now.text === note.anchorText &&
    now.prefix === note.anchorPrefix &&
    now.suffix === note.anchorSuffix;
  return unchanged ? null : [now.start, now.end, now.text, now.prefix, now.suffix, false];
}

async function follow(tx: Tx, where: Prisma.NoteWhereInput, texts: Map<string, ChangedText>) {
  if (texts.size === 0) return;
  const anchored = await tx.note.findMany({
    where: { ...where, anchorStart: { not: null }, anchorEnd: { not: null } },
    select: {
      id: true,
      segmentId: true,
      anchorStart: true,
      anchorEnd: true,
      anchorText: true,
      anchorPrefix: true,
      anchorSuffix: true,
      anchorLost: true,
    },
  });
  const rows: Value[][] = [];
  for (const note of anchored) {
    const change = texts.get(note.segmentId);
    const columns = change && followed(note, change);
    if (columns) rows.push([note.id, ...columns]);
  }
  if (rows.length > 0) await updateRows(tx, "Note", COLUMNS, rows);
}

/** After a save of the translation into `lang`: its anchored notes follow their words. */
export function reanchorNotesIn(tx: Tx, segmentId: string, lang: string, text: string, previous?: string) {
  return follow(tx, { segmentId, lang, anchorSide: "target" }, new Map([[segmentId, { text, previous }]]));
}

/** After find and replace changed many translations into `lang` (by segment id). */
export function reanchorReplaced(tx: Tx, documentId: string, lang: string, texts: Map<string, ChangedText>) {
  return follow(tx, { documentId, lang, anchorSide: "target" }, texts);
}

/** After the source paragraph changed: the notes anchored in it follow their words. */
export function reanchorSourceNotes(tx: Tx, segmentId: string, text: string, previous?: string) {
  return follow(tx, { segmentId, anchorSide: "source" }, new Map([[segmentId, { text, previous }]]));
}
