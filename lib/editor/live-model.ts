// What the editor does with what the live stream says, as pure functions (use-live-updates.ts runs
// them): whether a changed translation is worth reading, what reading it does to the row on screen,
// who is where, and how long to wait before reconnecting.
import type { ConflictInfo } from "./api-client";
import type { Cell } from "./rows";

/** The stream as the header shows it. */
export type LiveStatus = "connecting" | "live" | "reconnecting";

/** A translation event as far as a cell cares. */
export interface RemoteVersion {
  version: number;
  by: { id: string } | null;
}

/**
 * Whether a row must read the translation again: someone saved a version newer than the one on
 * screen. One's own save in flight is not news (its answer updates the row); a version the merge
 * view already shows is not either.
 */
export function needsRead(cell: Cell | undefined, event: RemoteVersion, userId: string): boolean {
  if (!cell || event.version <= cell.version) return false;
  if (event.by?.id === userId && (cell.state === "saving" || cell.state === "dirty")) return false;
  if (cell.conflict && event.version <= cell.conflict.current.version) return false;
  return true;
}

/**
 * A cell after reading someone else's newer version: replaced at once when it holds no unsaved
 * edit; otherwise the merge view opens now ("changed by X"), before the person's own save would be
 * refused. A save on its way (`inFlight`) is left to meet the conflict itself (409); one that failed
 * and waits to be sent again (offline) shows "saving" too, but is an unsaved edit like any other.
 */
export function withRemote(cell: Cell, current: ConflictInfo, inFlight = cell.state === "saving"): Cell {
  if (current.version <= cell.version) return cell;
  switch (cell.state) {
    case "saved":
      return {
        ...cell,
        text: current.text,
        savedText: current.text,
        status: current.status,
        version: current.version,
        error: undefined,
      };
    case "conflict":
      return cell.conflict && current.version > cell.conflict.current.version
        ? { ...cell, conflict: { mine: cell.conflict.mine, current } }
        : cell;
    case "saving":
      if (inFlight) return cell;
      return { ...cell, state: "conflict", conflict: { mine: cell.text, current }, error: undefined };
    default:
      return { ...cell, state: "conflict", conflict: { mine: cell.text, current }, error: undefined };
  }
}

/** Someone with the document open, as the header and the rows show them. */
export interface Person {
  userId: string;
  name: string;
  initials: string;
  /** Where their tabs are: paragraph and language. */
  places: { segmentId: string; lang: string | null }[];
}

export interface PresenceEntry {
  userId: string;
  name: string;
  connection: string;
  segmentId: string | null;
  lang: string | null;
}

/** "Ivan Translator" → "IT", "Олена" → "О": the first letters of the first two words. */
export function initialsOf(name: string, locale?: string): string {
  const words = name
    .trim()
    .split(/[\s\-–—]+/u)
    .filter(Boolean);
  const letters = words
    .slice(0, 2)
    .map((w) => [...w][0] ?? "")
    .join("");
  return (letters || "?").toLocaleUpperCase(locale);
}

/** Everyone else present, one entry per person (several tabs merge), in a stable order. */
export function othersPresent(entries: PresenceEntry[], userId: string, locale?: string): Person[] {
  const byUser = new Map<string, Person>();
  for (const e of entries) {
    if (e.userId === userId) continue;
    let person = byUser.get(e.userId);
    if (!person) {
      person = { userId: e.userId, name: e.name, initials: initialsOf(e.name, locale), places: [] };
      byUser.set(e.userId, person);
    }
    if (e.segmentId) person.places.push({ segmentId: e.segmentId, lang: e.lang });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, locale) || a.userId.localeCompare(b.userId));
}

/** Per paragraph: who is in it, and in which languages. */
export function peopleByRow(people: Person[]): Map<string, { person: Person; langs: (string | null)[] }[]> {
  const rows = new Map<string, { person: Person; langs: (string | null)[] }[]>();
  for (const person of people) {
    const langsByRow = new Map<string, (string | null)[]>();
    for (const place of person.places)
      langsByRow.set(place.segmentId, [...(langsByRow.get(place.segmentId) ?? []), place.lang]);
    for (const [rowId, langs] of langsByRow) rows.set(rowId, [...(rows.get(rowId) ?? []), { person, langs }]);
  }
  return rows;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Waits before reconnect attempt n (0, 1, …): doubling from 1 s up to 30 s, ±20 % so tabs spread out. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
