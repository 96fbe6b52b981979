// What the checks need for a project and a language pair, read once and kept while it holds: the
// project's settings, its glossaries' recognition index (lib/terms, cached by the glossaries'
// versions), the speller with the project's and the glossary's words, and the length model learned
// from the project's confirmed paragraphs. Server only (dictionaries are files).
import type { Db } from "../../db/client";
import { DONE_STATUSES } from "../../segments/status";
import { loadTermIndex } from "../../terms/index-cache";
import type { TermIndex } from "../../terms/recognize";
import { spellingFor } from "../check";
import { glossaryWords } from "../checks/glossary";
import { buildLengthModel, type LengthModel } from "../checks/length";
import type { QaSettings } from "../settings";
import type { SpellingState } from "../types";
import { readQaSettings } from "./settings-store";

export interface QaContext {
  settings: QaSettings;
  glossary: TermIndex;
  glossaryWords: string[];
  spelling?: SpellingState;
  lengthModel: LengthModel;
  /**
   * Changes whenever a paragraph's findings (all but length's) may change for the same texts: the
   * settings' version, the glossaries' versions, whether spelling runs. The report cache's key.
   */
  stamp: string;
}

/** Confirmed paragraphs read to learn the length model: the most recent ones are enough. */
const LENGTH_SAMPLE = 5_000;
/** The learned model moves slowly; recomputing it at most this often keeps the checks fast. */
const LENGTH_TTL_MS = 60_000;
const lengthModels = new Map<string, { at: number; model: Promise<LengthModel> }>();

async function learnLength(
  db: Db,
  projectId: string,
  sourceLang: string,
  targetLang: string,
  minSamples: number,
): Promise<LengthModel> {
  const rows = await db.translation.findMany({
    where: {
      lang: targetLang,
      status: { in: [...DONE_STATUSES] },
      document: { projectId, sourceLang },
    },
    orderBy: { updatedAt: "desc" },
    take: LENGTH_SAMPLE,
    select: { text: true, segment: { select: { source: true } } },
  });
  return buildLengthModel(
    rows.map((r) => ({ source: r.segment.source, target: r.text })),
    sourceLang,
    targetLang,
    minSamples,
  );
}

/** The project's usual length ratio for the pair (the documented default until enough are confirmed). */
export function projectLengthModel(
  db: Db,
  projectId: string,
  sourceLang: string,
  targetLang: string,
  minSamples: number,
): Promise<LengthModel> {
  const key = `${projectId}|${sourceLang}|${targetLang}|${minSamples}`;
  const cached = lengthModels.get(key);
  if (cached && Date.now() - cached.at < LENGTH_TTL_MS) return cached.model;
  const model = learnLength(db, projectId, sourceLang, targetLang, minSamples);
  lengthModels.set(key, { at: Date.now(), model });
  model.catch(() => lengthModels.delete(key));
  if (lengthModels.size > 256) lengthModels.delete(lengthModels.keys().next().value!);
  return model;
}

const spellers = new Map<string, Promise<SpellingState | undefined>>();

/** The speller for this settings version and glossary: building one merges up to 20,000 own words. */
function spellerFor(
  stamp: string,
  lang: string,
  settings: QaSettings,
  words: string[],
): Promise<SpellingState | undefined> {
  let found = spellers.get(stamp);
  if (!found) {
    found = spellingFor(lang, settings, words);
    spellers.set(stamp, found);
    // An unavailable dictionary may be installed later: do not remember that.
    found.then((s) => (!s || "unavailable" in s) && spellers.delete(stamp)).catch(() => spellers.delete(stamp));
    if (spellers.size > 64) spellers.delete(spellers.keys().next().value!);
  }
  return found;
}

/** Everything a check of `projectId`'s texts from `sourceLang` into `targetLang` needs. */
export async function loadQaContext(
  db: Db,
  projectId: string,
  sourceLang: string,
  targetLang: string,
): Promise<QaContext> {
  const [{ settings, version }, { index, stamp: glossaryStamp }] = await Promise.all([
    readQaSettings(db, projectId),
    loadTermIndex(db, projectId, sourceLang),
  ]);
  const words = glossaryWords(index, targetLang);
  const base = `${projectId}|${version}|${glossaryStamp}|${targetLang}`;
  const [spelling, lengthModel] = await Promise.all([
    spellerFor(base, targetLang, settings, words),
    projectLengthModel(db, projectId, sourceLang, targetLang, settings.length.minSamples),
  ]);
  const spellingState = !spelling ? "off" : "speller" in spelling ? "on" : "unavailable";
  return {
    settings,
    glossary: index,
    glossaryWords: words,
    spelling,
    lengthModel,
    stamp: `${base}|${spellingState}`,
  };
}
