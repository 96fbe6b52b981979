// The sentence rules of each language, compiled once from the data files in sentence-rules/ (an
// SRX-like format: ordered break / no-break rules, each a pair of regular expressions around the
// place where a sentence could end, plus abbreviation lists that become no-break rules).
import common from "./sentence-rules/common.json";
import en from "./sentence-rules/en.json";
import kk from "./sentence-rules/kk.json";
import uk from "./sentence-rules/uk.json";

interface RuleData {
  why?: string;
  break: boolean;
  before: string;
  after: string;
}

interface LanguageData {
  abbreviations: string[];
  beforeNumber: string[];
  phrases: string[];
  rules: RuleData[];
}

export interface SentenceRule {
  break: boolean;
  /** Tested against the sentence so far; anchored at its end ($). */
  before: RegExp;
  /** Tested against the rest of the paragraph; anchored at its start (^), or null for "anything". */
  after: RegExp | null;
}

export interface CompiledRules {
  rules: SentenceRule[];
  /** Quotes and brackets inside which no sentence ends (when they close within maxPairLength). */
  pairs: [string, string][];
  maxPairLength: number;
}

const LANGUAGES: Record<string, LanguageData> = { uk, kk, en };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An abbreviation as a pattern: "т. зв." → т\.\s*зв, "до н. е." → до\s+н\.\s*е, "e.g" → e\.g. */
const abbreviationPattern = (a: string) =>
  escapeRegExp(a.replace(/\.$/, ""))
    .replace(/\\\.\s*/g, "\\.\\s*")
    .replace(/ +/g, "\\s+");
/** Not preceded by a letter, digit or full stop: "ст." matches in "(ст." but not in "пост.". */
const WORD_START = "(?:^|[^\\p{L}\\p{N}.])";

function compileRule(rule: RuleData, flags = "u"): SentenceRule {
  return {
    break: rule.break,
    before: new RegExp(rule.before, flags),
    after: rule.after ? new RegExp(rule.after, flags) : null,
  };
}

function abbreviationRules(data: LanguageData): SentenceRule[] {
  const out: SentenceRule[] = [];
  // Longest first, so "у т. ч." is tried before "т. ч.".
  const words = [...data.abbreviations, ...data.phrases].sort((a, b) => b.length - a.length);
  if (words.length > 0) {
    const before = `${WORD_START}(?:${words.map(abbreviationPattern).join("|")})\\.$`;
    out.push(compileRule({ break: false, before, after: "" }, "iu"));
  }
  if (data.beforeNumber.length > 0) {
    const before = `${WORD_START}(?:${data.beforeNumber.map(abbreviationPattern).join("|")})\\.$`;
    out.push(compileRule({ break: false, before, after: "^\\s+\\p{N}" }, "iu"));
  }
  return out;
}

const compiled = new Map<string, CompiledRules>();

/** The primary language of a BCP-47 code (uk-UA → uk, kk-Latn → kk); unknown ones get the common rules. */
function baseLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0];
}

export function sentenceRules(lang: string): CompiledRules {
  const base = baseLanguage(lang);
  let rules = compiled.get(base);
  if (!rules) {
    const data = LANGUAGES[base];
    rules = {
      rules: [
        ...(data ? [...data.rules.map((r) => compileRule(r)), ...abbreviationRules(data)] : []),
        ...common.rules.map((r) => compileRule(r)),
      ],
      pairs: common.pairs as [string, string][],
      maxPairLength: common.maxPairLength,
    };
    compiled.set(base, rules);
  }
  return rules;
}
