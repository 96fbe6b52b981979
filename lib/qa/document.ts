// The document runner: every paragraph check on every paragraph, plus what needs the whole
// document — `inconsistent` (one source translated two ways, or one translation for two sources)
// and `length` against the ratio learned from the document's confirmed paragraphs. Pure, synchronous.

import { groupBy } from "../group-by";
import { buildLengthModel, type LengthModel, lengthFindings } from "./checks/length";
import { unavailable } from "./checks/spelling";
import { finish, type RunEnv, runChecks } from "./run";
import type { QaSettings } from "./settings";
import { normalizeSpace } from "./text";
import type { CheckInput, Finding, RawFinding } from "./types";

export interface DocumentEntry {
  /** The caller's id for the paragraph (segment id); findings and `related` refer to it. */
  id: string;
  source: string;
  target: string;
  kind?: CheckInput["kind"];
  /** Confirmed by the translator or a reviewer (translated, reviewed, approved): teaches `length`. */
  confirmed?: boolean;
}

export interface DocumentInput {
  entries: readonly DocumentEntry[];
  sourceLang: string;
  targetLang: string;
  glossary?: CheckInput["glossary"];
  glossaryWords?: CheckInput["glossaryWords"];
  /** A model learned from the whole project's confirmed paragraphs; else learned from this document. */
  lengthModel?: LengthModel;
}

export interface DocumentFinding extends Finding {
  segmentId: string;
}

export interface DocumentResult {
  findings: DocumentFinding[];
  /** About the run, not a paragraph: e.g. spelling unavailable for the language (said once). */
  notices: Finding[];
  lengthModel: LengthModel;
}

/** Same words, letters and digits only, any case: "Вступ" and "ВСТУП." are one source. */
const loose = (s: string) =>
  s
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Links kept per finding; `count` still says how many there are. */
const MAX_RELATED = 50;

interface Keyed {
  id: string;
  source: string;
  target: string;
  loose: string;
}

/** Groups of two or more paragraphs sharing a key. */
function shared(entries: readonly Keyed[], keyOf: (e: Keyed) => string): Keyed[][] {
  return [...groupBy(entries, keyOf).values()].filter((g) => g.length > 1);
}

/**
 * For each paragraph of a group, the others whose `variant` differs: everyone outside its own
 * variant's subgroup. Linear in the group (a list item repeated 500 times is one group).
 */
function others(group: Keyed[], variant: (e: Keyed) => string): Map<Keyed, { ids: string[]; count: number }> {
  const out = new Map<Keyed, { ids: string[]; count: number }>();
  const subgroups = groupBy(group, variant);
  if (subgroups.size < 2) return out;
  for (const [v, members] of subgroups) {
    const rest = group.filter((e) => variant(e) !== v).map((e) => e.id);
    const found = { ids: rest.slice(0, MAX_RELATED), count: rest.length };
    for (const e of members) out.set(e, found);
  }
  return out;
}

/** `inconsistent` findings by paragraph id. */
export function inconsistencies(entries: readonly DocumentEntry[]): Map<string, RawFinding[]> {
  const out = new Map<string, RawFinding[]>();
  const add = (id: string, f: RawFinding) => {
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  };
  const keyed: Keyed[] = entries
    .filter((e) => e.target.trim() !== "" && /\p{L}/u.test(e.source))
    .map((e) => ({
      id: e.id,
      source: normalizeSpace(e.source),
      target: normalizeSpace(e.target),
      loose: loose(e.source),
    }));

  for (const group of shared(keyed, (e) => e.source))
    for (const [e, { ids, count }] of others(group, (x) => x.target))
      add(e.id, {
        messageKey: "qa.inconsistent.source",
        params: { count },
        related: ids,
        key: "inconsistent:source",
      });
  for (const group of shared(keyed, (e) => e.target))
    for (const [e, { ids, count }] of others(group, (x) => x.loose))
      add(e.id, {
        messageKey: "qa.inconsistent.target",
        params: { count },
        related: ids,
        key: "inconsistent:target",
      });
  return out;
}

export const DOCUMENT_MESSAGE_KEYS = ["qa.inconsistent.source", "qa.inconsistent.target"] as const;

/**
 * Remembers a paragraph's findings between runs (lib/qa/store keeps one per document and language,
 * keyed by what the findings depend on). It holds every paragraph check but `length`, whose model
 * moves with each confirmed paragraph and which costs nothing to run again.
 */
export interface ParagraphMemo {
  get(entry: DocumentEntry): Finding[] | undefined;
  set(entry: DocumentEntry, findings: Finding[]): void;
}

export function runDocumentChecks(
  input: DocumentInput,
  settings: QaSettings,
  env: RunEnv & { memo?: ParagraphMemo } = {},
): DocumentResult {
  const lengthModel =
    input.lengthModel ??
    buildLengthModel(
      input.entries.filter((e) => e.confirmed),
      input.sourceLang,
      input.targetLang,
      settings.length.minSamples,
    );
  const notices: Finding[] = [];
  let spelling = env.spelling;
  if (spelling && "unavailable" in spelling && !settings.muted.has("spelling")) {
    notices.push(finish("spelling", unavailable(spelling.unavailable), settings));
    spelling = undefined;
  }
  const findings: DocumentFinding[] = [];
  const inconsistent = settings.muted.has("inconsistent") ? new Map() : inconsistencies(input.entries);
  const withoutLength: QaSettings = { ...settings, muted: new Set([...settings.muted, "length"]) };
  const checkLength = !settings.muted.has("length");
  const { memo } = env;
  for (const e of input.entries) {
    const paragraph: CheckInput = {
      source: e.source,
      target: e.target,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      kind: e.kind,
      glossary: input.glossary,
      glossaryWords: input.glossaryWords,
    };
    let found = memo?.get(e);
    if (!found) {
      found = runChecks(paragraph, withoutLength, { spelling });
      memo?.set(e, found);
    }
    for (const f of found) findings.push({ ...f, segmentId: e.id });
    if (checkLength && e.target.trim() !== "")
      for (const raw of lengthFindings(paragraph, lengthModel))
        findings.push({ ...finish("length", raw, settings), segmentId: e.id });
    for (const raw of inconsistent.get(e.id) ?? [])
      findings.push({ ...finish("inconsistent", raw, settings), segmentId: e.id });
  }
  return { findings, notices, lengthModel };
}
