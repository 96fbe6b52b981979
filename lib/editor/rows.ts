// The editor's data: one row per source paragraph, with a cell per target language shown.
import { compileFind, type Finder } from "../search/find";
import type { SegmentKind } from "../segments/kinds";
import { DONE_STATUSES, type TranslationStatus } from "../segments/statuses";
import type { TranslationOrigin } from "../translations/origin";
import type { ConflictInfo } from "./save-queue";

export type CellState = "saved" | "dirty" | "saving" | "offline" | "conflict" | "error";

export interface Cell {
  text: string;
  /** What the server has: Esc goes back to it. */
  savedText: string;
  status: TranslationStatus;
  version: number;
  state: CellState;
  error?: string;
  conflict?: { mine: string; current: ConflictInfo };
  /** Where the saved text came from, if a fill wrote it (pre-translation, a repetition). */
  origin?: TranslationOrigin | null;
}

export interface Row {
  id: string;
  position: number;
  kind: SegmentKind;
  source: string;
  wordCount: number;
  cells: Record<string, Cell>;
  /**
   * Removed from the document (a source update) while this tab held an unsaved edit in it: kept on
   * screen, read-only, so the edit is not lost, until the person dismisses it (paragraph-changes.ts).
   */
  gone?: { by: string | null };
}

/** A translation as the server has it; none yet reads as an empty new one at version 0. */
export interface SavedTranslation {
  text: string;
  status: string;
  version: number;
  origin?: TranslationOrigin | null;
}

/**
 * The one mapping from a segment and its saved translations to the editor's row, for the page's
 * first screen and for the rows loaded after it.
 */
export function editorRow(
  segment: { id: string; position: number; kind: string; source: string; wordCount: number },
  langs: string[],
  savedIn: (lang: string, index: number) => SavedTranslation | undefined,
): Row {
  return {
    id: segment.id,
    position: segment.position,
    kind: segment.kind as SegmentKind,
    source: segment.source,
    wordCount: segment.wordCount,
    cells: Object.fromEntries(
      langs.map((lang, i) => {
        const { text, status, version, origin } = savedIn(lang, i) ?? { text: "", status: "new", version: 0 };
        const cell: Cell = {
          text,
          savedText: text,
          status: status as TranslationStatus,
          version,
          state: "saved",
          origin: origin ?? null,
        };
        return [lang, cell];
      }),
    ),
  };
}

/** Confirmed means a translator said it is done; the next paragraph to work on is any other. */
export function isConfirmed(cell: Cell | undefined) {
  return Boolean(cell && DONE_STATUSES.includes(cell.status));
}

export interface RowFilter {
  status: TranslationStatus | "";
  openNotes: boolean;
  /** Text (or a regular expression, as the find options say) in the source or a shown translation. */
  search: string;
  /** The language whose status the status filter reads. */
  lang: string;
  /** Only paragraphs with an open quality-check error (in any language shown). */
  qaErrors?: boolean;
}

export interface FilterContext {
  /** The translations shown, each searched with the source. */
  langs: string[];
  /** Open note threads of a row: counted by the caller, so rows stay the objects the editor keeps. */
  openNotes?: (rowId: string) => number;
  /** Whether a row has an open quality-check error (in any language shown). */
  qaErrors?: (rowId: string) => boolean;
  /** The compiled search (lib/search/find.ts); none: `filter.search` as literal text, any case. */
  finder?: Finder;
  /**
   * Rows shown whatever they now hold: the one being edited, until focus leaves it (as in every CAT
   * tool), and those a replace just changed, until the search changes.
   */
  keep?: ReadonlySet<string>;
}

export function isFiltered(filter: RowFilter): boolean {
  return Boolean(filter.search.trim() || filter.status || filter.openNotes || filter.qaErrors);
}

/**
 * The rows the filter lets through, in document order. Searching ignores case in every script
 * unless the find options say otherwise. A row that did not change stays the same object (and is
 * not drawn again).
 */
export function filterRows(rows: Row[], filter: RowFilter, context: FilterContext): Row[] {
  if (!isFiltered(filter)) return rows;
  const { langs, openNotes = () => 0, qaErrors = () => false, keep } = context;
  const search = filter.search.trim();
  const finder = search
    ? (context.finder ?? compileFind({ find: search, matchCase: false, wholeWords: false, regex: false }))
    : null;
  return rows.filter((row) => {
    if (keep?.has(row.id)) return true;
    if (filter.status && row.cells[filter.lang]?.status !== filter.status) return false;
    if (filter.openNotes && openNotes(row.id) === 0) return false;
    if (filter.qaErrors && !qaErrors(row.id)) return false;
    if (!finder) return true;
    if (finder.test(row.source)) return true;
    return langs.some((lang) => finder.test(row.cells[lang]?.text ?? ""));
  });
}
