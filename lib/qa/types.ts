// The shapes every quality check shares: what goes in, what comes out. Pure data, no imports from
// the database or the server, so the same checks can run in a route, a CLI or a browser.
import type { SegmentKind } from "../segments/kinds";
import type { TargetTermMatch, TermIndex } from "../terms/recognize";
import type { LengthModel } from "./checks/length";
import type { CheckCode, QaSettings } from "./settings";
import type { Speller } from "./spelling/speller";

export const severities = ["error", "warning", "info"] as const;
export type Severity = (typeof severities)[number];

/** A range of UTF-16 code units (JavaScript string indices, as a textarea's selectionStart counts). */
export interface Range {
  start: number;
  end: number;
}

/** Where a finding points. `side` is "target" unless the thing is only in the source (a missing citation). */
export interface Span extends Range {
  side: "source" | "target";
}

/** One replacement in the target text; `start === end` inserts. */
export interface Edit extends Range {
  text: string;
}

/**
 * A quick fix: edits on the target, in target offsets, non-overlapping, sorted by `start`.
 * `messageKey` + `params` label the button ("Insert [53]"). Apply with `applyFix` (fix.ts).
 */
export interface Fix {
  messageKey: string;
  params?: Record<string, string | number>;
  edits: Edit[];
}

export interface Finding {
  /** Stable check code (see CHECK_CODES); the UI and the settings refer to checks by it. */
  check: CheckCode;
  severity: Severity;
  /** i18next key under `qa.` in messages/*.json, with its interpolation values. */
  messageKey: string;
  params: Record<string, string | number>;
  span?: Span;
  fix?: Fix;
  /**
   * Identifies the finding within its paragraph without depending on offsets, e.g.
   * "citations:missing:[53]" or "spelling:goverment": the same problem keeps its key while the text
   * around it is edited, so an "ignore" stored against (paragraph, language, key) stays attached.
   */
  key: string;
  /** Other paragraphs involved (document checks: `inconsistent`), by the ids the caller gave. */
  related?: string[];
}

/** A finding before the runner applies the project's severity, mute list and check code. */
export type RawFinding = Omit<Finding, "check" | "severity"> & {
  /** The check is unsure (a thin dictionary): one severity level below the project's for the check. */
  lower?: boolean;
};

/** One paragraph to check. Languages are BCP 47 tags ("uk", "en", "kk", "kk-Latn"). */
export interface CheckInput {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  /** List items follow list punctuation conventions (";" or none at the end). */
  kind?: SegmentKind;
  /**
   * The project's glossaries as the terminology engine recognises them (lib/terms: every inflected
   * form). Without it the `glossary` and `forbidden-term` checks have nothing to compare, and
   * spelling has no term spans to leave alone. Build it once per document (buildTermIndex).
   */
  glossary?: TermIndex;
  /** Glossary words in the target language: never reported as misspellings. */
  glossaryWords?: readonly string[];
}

/** What one check sees: the input, resolved settings, and text facts computed once per paragraph. */
export interface CheckContext {
  input: CheckInput;
  settings: QaSettings;
  /** Base languages ("kk" for "kk-Latn"). */
  sourceBase: string;
  targetBase: string;
  /** Citation ranges in source and target (computed once; numbers skips them). */
  citations: { source: Range[]; target: Range[] };
  /** Every target-term occurrence in the target, overlapping ones included (from `input.glossary`). */
  targetTermHits: TargetTermMatch[];
  /** The same, overlaps resolved longest-first: what the target uses; spelling leaves these alone. */
  targetTerms: TargetTermMatch[];
  spelling?: SpellingState;
  /** The usual length ratio (document/project); the pair's default when absent. */
  lengthModel?: LengthModel;
}

/**
 * Spelling for the target language: a speller; or unavailable, with the dictionary file missing
 * and the Debian package that brings it; or absent (not asked for, e.g. a browser without dictionaries).
 */
export type SpellingState = { speller: Speller } | { unavailable: { lang: string; file: string; apt: string } };

/** One check: its code, every message key it can produce (the messages test reads these), its logic. */
export interface Check {
  code: CheckCode;
  messageKeys: readonly string[];
  run(ctx: CheckContext): RawFinding[];
}
