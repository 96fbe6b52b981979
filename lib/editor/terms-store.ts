// The editor's glossary, in the browser: the document's entries loaded once per page are one
// recognition index; entries added from the editor go into a second, small index that is rebuilt at
// once, so a saved term is recognised everywhere in the document without rebuilding the big one.
// Found terms are cached per paragraph text. Plain TypeScript: React subscribes through subscribe().

import { buildTermIndex, type FoundTerm, foundTerm, type SourceTermMatch, type TermIndex } from "../terms/recognize";
import { longestFirst } from "../terms/term-matcher";
import type { RecognitionEntry } from "../terms/types";

export type TermsState = "loading" | "ready" | "failed";

/** The name of the performance measure around each batch of paragraphs recognised (bench/terms.ts reads it). */
export const RECOGNITION_MEASURE = "parallel:terms";
/** …and around building the index from the loaded entries. */
export const INDEX_MEASURE = "parallel:terms-index";

function measure(name: string, start: number, detail: Record<string, number>) {
  if (typeof performance.measure === "function") performance.measure(name, { start, detail });
}

export class TermsStore {
  readonly sourceLang: string;
  state: TermsState = "loading";
  /** Grows with every change of what recognition finds: React's snapshot. */
  version = 0;
  private base: TermIndex | null = null;
  private added = new Map<string, RecognitionEntry>();
  private addedIndex: TermIndex | null = null;
  private cache = new Map<string, FoundTerm[]>();
  private listeners = new Set<() => void>();

  constructor(sourceLang: string) {
    this.sourceLang = sourceLang;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getVersion = () => this.version;

  private changed() {
    this.cache.clear();
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** The document's entries, as loaded once for the page. */
  load(entries: RecognitionEntry[]) {
    const started = performance.now();
    this.base = buildTermIndex(entries, this.sourceLang);
    measure(INDEX_MEASURE, started, { entries: entries.length });
    this.state = "ready";
    this.changed();
  }

  fail() {
    this.state = "failed";
    this.changed();
  }

  /** An entry saved from the editor (new, or an existing one it was merged into): recognised at once. */
  add(entry: RecognitionEntry) {
    this.added.set(entry.id, entry);
    this.addedIndex = buildTermIndex(this.added.values(), this.sourceLang);
    this.changed();
  }

  entry(id: string): RecognitionEntry | undefined {
    return this.added.get(id) ?? this.base?.entries.get(id);
  }

  /** The terms of a paragraph, longest-first without overlaps, each entry's own version. */
  termsFor(text: string): FoundTerm[] {
    let found = this.cache.get(text);
    if (found) return found;
    found = this.recognise(text);
    this.cache.set(text, found);
    return found;
  }

  /** Recognises the paragraphs now on screen in one measured batch (what must fit in a frame). */
  prime(texts: Iterable<string>) {
    const started = performance.now();
    let rows = 0;
    for (const text of texts) {
      if (this.cache.has(text)) continue;
      this.termsFor(text);
      rows++;
    }
    if (rows > 0) measure(RECOGNITION_MEASURE, started, { rows });
  }

  private recognise(text: string): FoundTerm[] {
    if (!this.base && !this.addedIndex) return [];
    let hits: SourceTermMatch[];
    if (!this.addedIndex) hits = this.base!.findSource(text);
    else {
      // An entry saved here replaces the loaded one of the same id (a merge added translations).
      const loaded = this.base?.findSourceAll(text).filter((h) => !this.added.has(h.entryId)) ?? [];
      hits = longestFirst([...loaded, ...this.addedIndex.findSourceAll(text)]);
    }
    return hits.map((m) => foundTerm(m, this.entry(m.entryId)!));
  }
}

/** Each entry once, in the order its first occurrence appears (the terms panel's list and its numbers). */
export function distinctTerms(found: FoundTerm[]): FoundTerm[] {
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.entryId) && seen.add(f.entryId));
}

/** What a click or the shortcut inserts for `lang`: the first preferred translation, else the first admitted. */
export function insertable(term: Pick<FoundTerm, "translations">, lang: string): string | null {
  const into = term.translations.filter((t) => t.lang === lang);
  return (into.find((t) => t.status === "preferred") ?? into.find((t) => t.status === "admitted"))?.term ?? null;
}
