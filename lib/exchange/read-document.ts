// Reads a document for export, a page of paragraphs at a time (keyset on position), as ExchangeUnits:
// the document is never in memory as a whole. "kk-Latn" reads the Kazakh translation and
// transliterates it (docs/exchange.md, docs/kk-latn.md).
import type { Db } from "../db/client";
import { groupBy } from "../group-by";
import type { SegmentKind } from "../segments/kinds";
import type { TranslationStatus } from "../segments/status";
import { originOf } from "../translations/origin";
import { kkLatnOffset, toKkLatn } from "../translit/kk-latn";
import { hasNotes, isoDate, type NoteRow, type PageRow, readPage, readPageNotes } from "./read-queries";
import type { ExchangeDocument, ExchangeNote, ExchangeTarget, ExchangeUnit } from "./types";

export const KK_LATN = "kk-Latn";
// Paragraphs a page: larger pages save little time, and what a page holds is promoted to the old
// generation by the garbage collector, so the peak memory grows with it (bench/export-tmx.ts).
export const PAGE_SIZE = 500;

export type ExchangeHeader = Omit<ExchangeDocument, "units">;

export interface ReadOptions {
  /** Requested targets, in order ("kk-Latn" allowed when the project has "kk"). */
  targets: string[];
  approvedOnly: boolean;
  includeNotes: boolean;
  pageSize?: number;
  /** Per stored language, paragraphs whose translation is left out (open quality-check errors). */
  exclude?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Everything an export needs: the header, and the units a page at a time (can be started again). */
export interface ExchangeSource {
  header: ExchangeHeader;
  pages: () => AsyncGenerator<ExchangeUnit[]>;
}

/** A source's units one at a time, for writers that take them one by one anyway. */
export async function* unitsOf(source: ExchangeSource): AsyncGenerator<ExchangeUnit> {
  for await (const page of source.pages()) yield* page;
}

/** The stored language a requested target is read from. */
export const storedLang = (target: string) => (target === KK_LATN ? "kk" : target);

/** Which requested target a note in `lang` belongs to: "kk" notes go to kk-Latn when kk is not asked. */
function noteTarget(lang: string, targets: string[]): string | null {
  if (targets.includes(lang)) return lang;
  if (lang === "kk" && targets.includes(KK_LATN)) return KK_LATN;
  return null;
}

/** A translation row as exported; updatedBy/updatedAt are null for one never saved (version 0). */
function toTarget(row: PageRow): ExchangeTarget {
  const saved = (row.version ?? 0) > 0;
  return {
    text: row.text ?? "",
    status: (row.status ?? "new") as TranslationStatus,
    updatedBy: saved ? row.updatedBy : null,
    updatedAt: saved && row.updatedAt !== null ? isoDate(row.updatedAt) : null,
    origin: originOf({
      ...row,
      originScore: row.originScore === null ? null : Number(row.originScore),
      originEdited: Boolean(row.originEdited),
    }),
  };
}

const pristine = (): ExchangeTarget => ({ text: "", status: "new", updatedBy: null, updatedAt: null });

function toAnchor(row: NoteRow, lang: string | null, kkText: string): ExchangeNote["anchor"] {
  if (!row.anchorSide || row.anchorStart === null || row.anchorEnd === null) return null;
  // Its words are gone ("text changed"): the note is on the paragraph as a whole, not on other words.
  if (Number(row.anchorLost)) return null;
  const side = row.anchorSide === "source" ? "source" : "target";
  const text = row.anchorText ?? "";
  // Kazakh in Latin script: the span moves with the transliterated text.
  if (lang === KK_LATN && side === "target") {
    return {
      side,
      start: kkLatnOffset(kkText, row.anchorStart),
      end: kkLatnOffset(kkText, row.anchorEnd),
      text: toKkLatn(text),
    };
  }
  return { side, start: row.anchorStart, end: row.anchorEnd, text };
}

/** Who wrote a note and when: for one imported from a file, as that file said (it travels on unchanged). */
function writtenBy(row: NoteRow) {
  if (!Number(row.fromFile)) return { author: row.authorAccount, createdAt: isoDate(row.createdAt) };
  return { author: row.fileAuthor, createdAt: isoDate(row.fileCreatedAt ?? row.createdAt) };
}

/** Threads (top-level notes with their replies, oldest first) of one paragraph for the exported targets. */
function toNotes(rows: NoteRow[], targets: string[], kept: Record<string, ExchangeTarget>, kkText: string) {
  const threads = new Map<string, ExchangeNote>();
  const parentOf = new Map(rows.filter((r) => r.parentId).map((r) => [r.id, r.parentId as string]));
  const notes: ExchangeNote[] = [];
  for (const row of rows) {
    if (row.parentId) continue;
    const lang = row.lang === null ? null : noteTarget(row.lang, targets);
    // A note about a language not exported, or about a target the options left out, stays behind.
    if (row.lang !== null && (lang === null || !(lang in kept))) continue;
    const note: ExchangeNote = {
      lang,
      ...writtenBy(row),
      body: row.body,
      resolved: row.resolvedAt !== null,
      category: row.category,
      severity: row.severity,
      anchor: toAnchor(row, lang, kkText),
      replies: [],
    };
    threads.set(row.id, note);
    notes.push(note);
  }
  for (const row of rows) {
    if (!row.parentId) continue;
    // Replies point at their thread's first note; a reply to a reply is followed up to it.
    let root = row.parentId;
    for (let hops = 0; parentOf.has(root) && hops < 100; hops++) root = parentOf.get(root)!;
    threads.get(root)?.replies.push({
      ...writtenBy(row),
      body: row.body,
      resolved: row.resolvedAt !== null,
    });
  }
  return notes;
}

/** The paragraph's translations by stored language, from its consecutive rows of a page. */
function storedTargets(rows: PageRow[], from: number, to: number): Map<string, ExchangeTarget> {
  const stored = new Map<string, ExchangeTarget>();
  for (let i = from; i < to; i++) {
    const lang = rows[i].lang;
    if (lang !== null) stored.set(lang, toTarget(rows[i]));
  }
  return stored;
}

/**
 * The document's paragraphs in order, as ExchangeUnits, `pageSize` paragraphs a page. Pages, not units,
 * cross the async boundary: an await per paragraph costs more than the XML written for it.
 */
export async function* readExchangePages(
  db: Db,
  documentId: string,
  options: ReadOptions,
): AsyncGenerator<ExchangeUnit[]> {
  const { targets, approvedOnly } = options;
  const langs = [...new Set(targets.map(storedLang))];
  const take = options.pageSize ?? PAGE_SIZE;
  const includeNotes = options.includeNotes && (await hasNotes(db, documentId));
  // Below every position: the smallest value an Int column holds on both databases (PostgreSQL's
  // integer is 32-bit and refuses anything smaller as a parameter).
  let after = -2_147_483_648;
  for (;;) {
    const rows = await readPage(db, documentId, langs, after, take);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1].position;
    const notes = includeNotes ? groupBy(await readPageNotes(db, documentId, after, last), (n) => n.segmentId) : null;
    const units: ExchangeUnit[] = [];
    // Rows come in position order, a paragraph's languages next to each other.
    for (let from = 0; from < rows.length; ) {
      const s = rows[from];
      let to = from + 1;
      while (to < rows.length && rows[to].id === s.id) to++;
      const stored = storedTargets(rows, from, to);
      from = to;
      const kept: Record<string, ExchangeTarget> = {};
      for (const target of targets) {
        const t = stored.get(storedLang(target)) ?? pristine();
        if (approvedOnly && t.status !== "approved") continue;
        if (options.exclude?.get(storedLang(target))?.has(s.id)) continue;
        kept[target] = target === KK_LATN ? { ...t, text: toKkLatn(t.text) } : t;
      }
      units.push({
        position: s.position,
        kind: s.kind as SegmentKind,
        source: s.source,
        targets: kept,
        notes: notes ? toNotes(notes.get(s.id) ?? [], targets, kept, stored.get("kk")?.text ?? "") : [],
      });
    }
    yield units;
    if (units.length < take) return;
    after = last;
  }
}
