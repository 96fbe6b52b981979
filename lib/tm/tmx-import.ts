// TMX into a new reference memory of a project. The file is read twice, as a stream: first to check
// everything (well-formed, not hostile, languages the project's, texts a translation may hold), so
// that a refusal comes before any write; then to write it, in one transaction that is all or
// nothing, in multi-row INSERTs. Duplicates (the same normalised source and target language) are
// written once: the first in the file wins.
import { createHash } from "node:crypto";
import { insertRows } from "../db/bulk-write";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { importError } from "../exchange/import/errors";
import { matchLang } from "../exchange/import/languages";
import { MAX_TRANSLATION_LENGTH, TranslationText } from "../translations/validation";
import { attachMemory } from "./memories";
import { afterBulkMemoryWrite } from "./memory-index";
import { normalizeText } from "./normalize";
import { readTmx, type TmxUnit } from "./tmx-read";

export interface TmxImportOptions {
  projectId: string;
  /** The memory's name; the file's name or "TMX import" when none is given. */
  name?: string | null;
  createdById: string | null;
}

export interface TmxImportResult {
  memoryId: string;
  name: string;
  /** <tu> elements read, units written, units that repeated an earlier one, pairs left out (an empty side). */
  translationUnits: number;
  written: number;
  duplicates: number;
  skipped: number;
  targetLangs: string[];
}

const UNIT_STATUSES = new Set(["draft", "translated", "reviewed", "approved"]);
/** An import of at least this many units refreshes the database's statistics and visibility map (afterBulkMemoryWrite). */
const BULK_UNITS = 10_000;
const BATCH = 500;
const COLUMNS = [
  "memoryId",
  "kind",
  "sourceLang",
  "targetLang",
  "source",
  "target",
  "sourceHash",
  "status",
  "authorName",
  "prevHash",
  "nextHash",
  "createdAt",
  "updatedAt",
] as const;

/** 20261201T083000Z → a Date; anything else → null. */
export function parseTmxDate(value: string | null): Date | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? null : date;
}

function checkedText(value: string, unit: number, lang: string): string {
  const parsed = TranslationText.safeParse(value);
  if (parsed.success) return parsed.data;
  const long = parsed.error.issues[0]?.message === "too_long";
  return refuse(
    long ? "unit_too_long" : "unit_control_characters",
    long
      ? `The ${lang} text of translation unit ${unit} is over ${MAX_TRANSLATION_LENGTH} characters.`
      : `The ${lang} text of translation unit ${unit} contains control characters.`,
    { unit, lang, max: MAX_TRANSLATION_LENGTH },
  );
}

/** The memory's own refusals (errors.reasons.<reason>); the XML ones are the document import's. */
export const TMX_REASONS = ["unit_too_long", "unit_control_characters", "tmx_no_units"] as const;

function refuse(reason: (typeof TMX_REASONS)[number], message: string, details: Record<string, unknown> = {}): never {
  throw new AppError("invalid_input", { reason, ...details }, message);
}

interface Languages {
  source: string;
  targets: readonly string[];
}

function languageError(file: string, languages: Languages, isSource: boolean) {
  const what = isSource
    ? `its source language is ${file}, not ${languages.source}`
    : `${file} is not a target language of the project (${languages.targets.join(", ")})`;
  return importError("languages", `The file's languages do not match the project: ${what}.`, {
    source: isSource ? file : languages.source,
    expectedSource: languages.source,
    unknown: isSource ? [] : [file],
    expectedTargets: [...languages.targets],
    value: file,
  });
}

interface Pair {
  source: string;
  target: string;
  targetLang: string;
  status: string;
  author: string | null;
  date: Date | null;
  prevHash: string | null;
  nextHash: string | null;
  kind: string;
}

/** The unit's pairs with the project's language codes and checked texts; refuses what does not fit. */
function pairsOf(unit: TmxUnit, languages: Languages, counts: { skipped: number }): Pair[] {
  if (!matchLang(unit.sourceLang, [languages.source])) throw languageError(unit.sourceLang, languages, true);
  const source = checkedText(unit.source, unit.index, unit.sourceLang);
  const pairs: Pair[] = [];
  for (const t of unit.targets) {
    const lang = matchLang(t.lang, languages.targets);
    if (!lang) throw languageError(t.lang || "(none)", languages, false);
    const target = checkedText(t.text, unit.index, t.lang);
    if (normalizeText(source) === "" || normalizeText(target) === "") {
      counts.skipped++;
      continue;
    }
    const kind = unit.props.get("x-kind");
    pairs.push({
      source,
      target,
      targetLang: lang,
      status: t.status && UNIT_STATUSES.has(t.status) ? t.status : "translated",
      author: t.author,
      date: parseTmxDate(t.date),
      prevHash: unit.props.get("x-context-prev") ?? null,
      nextHash: unit.props.get("x-context-next") ?? null,
      kind: kind === "paragraph" ? "paragraph" : "sentence",
    });
  }
  return pairs;
}

/** The stored hash and, from the same digest, a 52-bit number for a compact "seen" set. */
function hashes(text: string): { hash: string; key: number } {
  const digest = createHash("sha256").update(normalizeText(text)).digest();
  return { hash: digest.toString("base64url").slice(0, 22), key: digest.readUIntBE(0, 6) * 16 + (digest[6] >> 4) };
}

/**
 * Imports a TMX file as a new memory of the project, attached to it. `open` is called twice and
 * must give the same bytes each time (a file, or a buffer).
 */
export async function importTmx(
  db: Db,
  open: () => AsyncIterable<Uint8Array>,
  options: TmxImportOptions,
): Promise<TmxImportResult> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: options.projectId },
    include: { languages: { orderBy: { position: "asc" } } },
  });
  const languages: Languages = { source: project.sourceLang, targets: project.languages.map((l) => l.lang) };

  // First pass: everything checked, nothing kept.
  const checked = { skipped: 0, pairs: 0 };
  const { units: translationUnits } = await readTmx(open(), (units) => {
    for (const u of units) checked.pairs += pairsOf(u, languages, checked).length;
  });
  if (checked.pairs === 0) refuse("tmx_no_units", "The file has no translation unit with both a source and a target.");

  const name = (options.name?.trim() || "TMX import").slice(0, 200);
  const result = await db.$transaction(
    async (tx) => {
      const memory = await tx.memory.create({
        data: {
          projectId: project.id,
          kind: "imported",
          name,
          sourceLang: project.sourceLang,
          createdById: options.createdById,
        },
      });
      await attachMemory(tx, project.id, memory.id, options.createdById);
      const writer = new UnitWriter(tx, memory.id, project.sourceLang);
      const counts = { skipped: 0 };
      await readTmx(open(), async (units) => {
        for (const u of units) for (const pair of pairsOf(u, languages, counts)) await writer.add(pair);
      });
      await writer.flush();
      return {
        memoryId: memory.id,
        name,
        translationUnits,
        written: writer.written,
        duplicates: writer.duplicates,
        skipped: counts.skipped,
        targetLangs: [...writer.langs],
      };
    },
    // A million units take minutes; the transaction is the import, so it may.
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // After the commit, outside the transaction: the units are in, whatever this costs.
  if (result.written >= BULK_UNITS) await afterBulkMemoryWrite(db);
  return result;
}

/** Batches rows for insertRows, leaving out every repeat of a (target language, source) already written. */
class UnitWriter {
  written = 0;
  duplicates = 0;
  readonly langs = new Set<string>();
  private readonly seen = new Map<string, Set<number>>();
  private batch: { pair: Pair; hash: string }[] = [];
  private batchKeys = new Set<string>();
  /** Units whose 52-bit key was seen before: most are repeats, the database says which. */
  private suspects: { pair: Pair; hash: string }[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly memoryId: string,
    private readonly sourceLang: string,
  ) {}

  async add(pair: Pair) {
    const { hash, key } = hashes(pair.source);
    const exactKey = `${pair.targetLang}\u0000${hash}`;
    if (this.batchKeys.has(exactKey)) {
      this.duplicates++;
      return;
    }
    let seen = this.seen.get(pair.targetLang);
    if (!seen) {
      seen = new Set();
      this.seen.set(pair.targetLang, seen);
    }
    this.batchKeys.add(exactKey);
    if (seen.has(key)) this.suspects.push({ pair, hash });
    else {
      seen.add(key);
      this.batch.push({ pair, hash });
    }
    if (this.batch.length + this.suspects.length >= BATCH) await this.flush();
  }

  async flush() {
    if (this.suspects.length > 0) {
      const found = await this.tx.memoryUnit.findMany({
        where: { memoryId: this.memoryId, sourceHash: { in: this.suspects.map((s) => s.hash) } },
        select: { targetLang: true, sourceHash: true },
      });
      const stored = new Set(found.map((f) => `${f.targetLang}\u0000${f.sourceHash}`));
      for (const s of this.suspects) {
        if (stored.has(`${s.pair.targetLang}\u0000${s.hash}`)) this.duplicates++;
        else this.batch.push(s);
      }
      this.suspects = [];
    }
    if (this.batch.length === 0) return;
    const now = new Date();
    await insertRows(
      this.tx,
      "MemoryUnit",
      COLUMNS,
      this.batch.map(({ pair, hash }) => [
        this.memoryId,
        pair.kind,
        this.sourceLang,
        pair.targetLang,
        pair.source,
        pair.target,
        hash,
        pair.status,
        pair.author,
        pair.prevHash,
        pair.nextHash,
        pair.date ?? now,
        pair.date ?? now,
      ]),
    );
    for (const { pair } of this.batch) this.langs.add(pair.targetLang);
    this.written += this.batch.length;
    this.batch = [];
    this.batchKeys = new Set();
  }
}
