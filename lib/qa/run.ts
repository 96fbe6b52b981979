// The check runner for one paragraph: pure and synchronous (no files, no database), so it runs as
// fast as the checks do, and in a browser too when given a speller. Dictionaries are loaded by
// check.ts, the server entry point.

import { longestFirst } from "../terms/term-matcher";
import { brackets } from "./checks/brackets";
import { citations } from "./checks/citations";
import { endPunctuation } from "./checks/end-punctuation";
import { forbiddenTerm, glossary } from "./checks/glossary";
import { length } from "./checks/length";
import { mixedScript } from "./checks/mixed-script";
import { numbers } from "./checks/numbers";
import { sameAsSource, untranslated } from "./checks/presence";
import { quotes } from "./checks/quotes";
import { repeatedWord } from "./checks/repeated-word";
import { doubleSpace, edgeSpace } from "./checks/spaces";
import { spelling } from "./checks/spelling";
import { ukLettersInKk } from "./checks/uk-letters-in-kk";
import { findCitations } from "./citations";
import { baseLang, type CheckCode, type QaSettings } from "./settings";
import type { Check, CheckContext, CheckInput, Finding, RawFinding, Severity } from "./types";

/** Checks that need only the paragraph (the document ones, `inconsistent`, live in document.ts). */
export const PARAGRAPH_CHECKS: readonly Check[] = [
  untranslated,
  sameAsSource,
  numbers,
  citations,
  brackets,
  quotes,
  endPunctuation,
  edgeSpace,
  doubleSpace,
  repeatedWord,
  mixedScript,
  ukLettersInKk,
  glossary,
  forbiddenTerm,
  spelling,
  length,
];

export interface RunEnv {
  spelling?: CheckContext["spelling"];
  lengthModel?: CheckContext["lengthModel"];
}

const LOWER: Record<Severity, Severity> = { error: "warning", warning: "info", info: "info" };

/** A raw finding with the project's severity for its check. */
export function finish(code: CheckCode, { lower, ...raw }: RawFinding, settings: QaSettings): Finding {
  const severity = settings.severity[code];
  return { check: code, severity: lower ? LOWER[severity] : severity, ...raw };
}

export function contextFor(input: CheckInput, settings: QaSettings, env: RunEnv = {}): CheckContext {
  const targetTermHits = input.glossary?.findTargetAll(input.target, input.targetLang) ?? [];
  return {
    input,
    settings,
    sourceBase: baseLang(input.sourceLang),
    targetBase: baseLang(input.targetLang),
    citations: { source: findCitations(input.source, settings), target: findCitations(input.target, settings) },
    targetTermHits,
    targetTerms: longestFirst(targetTermHits),
    spelling: env.spelling,
    lengthModel: env.lengthModel,
  };
}

/** Every paragraph check the project has not muted, with its severity. An empty target only gets `untranslated`. */
export function runChecks(input: CheckInput, settings: QaSettings, env: RunEnv = {}): Finding[] {
  const empty = input.target.trim() === "";
  const ctx = contextFor(input, settings, env);
  const out: Finding[] = [];
  for (const check of PARAGRAPH_CHECKS) {
    if (settings.muted.has(check.code) || (empty && check.code !== "untranslated")) continue;
    for (const raw of check.run(ctx)) out.push(finish(check.code, raw, settings));
  }
  return out;
}
