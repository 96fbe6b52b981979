// Quality-check benchmark (issue #16): dictionary loading (once per process), one paragraph as you
// type (< 50 ms), and a 10,000-paragraph document for one language (< 3 s), for English and Kazakh.
// The document repeats the demo translations (tests/fixtures/qa-demo.ts) with the years varied in
// both languages, so every paragraph differs, and one in ten carries a slip (a citation deleted) so
// findings are built too. Prints a table; writes bench/out/qa.json.
// Run: npm run bench:qa   (BENCH_QA_PARAGRAPHS, BENCH_QA_RUNS change the size and repetitions)
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { checkDocument, checkSegment, spellingFor } from "../lib/qa/check";
import type { DocumentEntry } from "../lib/qa/document";
import { resolveQaSettings } from "../lib/qa/settings";
import { demoEnglish, demoKazakh, demoSegments } from "../tests/fixtures/qa-demo";
import { formatText, int, ms, Table } from "./report";
import { median, summarize } from "./stats";

const PARAGRAPHS = Number(process.env.BENCH_QA_PARAGRAPHS || 10_000);
const RUNS = Number(process.env.BENCH_QA_RUNS || 3);
const LIMITS = { paragraphMs: 50, documentMs: 3_000 };
const settings = resolveQaSettings();
const loadStart = loadavg()[0];

function documentFor(translations: Record<number, string>, count: number): DocumentEntry[] {
  const pairs = Object.entries(translations).map(([i, target]) => ({ seg: demoSegments[Number(i)], target }));
  return Array.from({ length: count }, (_, n) => {
    const { seg, target } = pairs[n % pairs.length];
    const year = String(1990 + (n % 30));
    const slip = n % 10 === 9;
    return {
      id: `s${n}`,
      source: seg.source.replaceAll("2013", year),
      target: (slip ? target.replace(/\s?\[5[23][^\]]*\]/, "") : target).replaceAll("2013", year),
      kind: seg.kind,
      confirmed: n % 3 === 0,
    };
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const table = new Table();
const raw: Record<string, unknown> = {};
for (const [lang, translations] of [
  ["en", demoEnglish],
  ["kk", demoKazakh],
] as const) {
  table.begin(`uk → ${lang}`);
  const [loadMs, state] = await timed(() => spellingFor(lang, settings));
  const spelling = state && "speller" in state ? "on" : "unavailable";
  table.info(`dictionary load (first use in a process), spelling ${spelling}`, ms(loadMs));

  // As you type: every demo paragraph, many times; the first calls warm the JIT.
  const entries = documentFor(translations, Object.keys(translations).length);
  const times: number[] = [];
  for (let round = 0; round < 60; round++)
    for (const e of entries) {
      const [t] = await timed(() =>
        checkSegment(
          { source: e.source, target: e.target, sourceLang: "uk", targetLang: lang, kind: e.kind },
          settings,
        ),
      );
      if (round >= 10) times.push(t);
    }
  const one = summarize(times);
  const chars = entries.reduce((n, e) => n + e.target.length, 0) / entries.length;
  table.check(`one paragraph (avg ${int(chars)} chars), p50`, ms(one.p50), "", true);
  table.check(
    `one paragraph, p99 of ${int(one.count)}`,
    ms(one.p99),
    `< ${LIMITS.paragraphMs} ms`,
    one.p99 < LIMITS.paragraphMs,
  );

  const doc = documentFor(translations, PARAGRAPHS);
  const runs: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let r = 0; r < RUNS; r++) {
    const before = process.cpuUsage();
    const [t, result] = await timed(() =>
      checkDocument({ entries: doc, sourceLang: "uk", targetLang: lang }, settings),
    );
    const used = process.cpuUsage(before);
    runs.push(t);
    cpu.push((used.user + used.system) / 1000);
    findings = result.findings.length;
  }
  const docMs = median(runs);
  const mb = doc.reduce((n, e) => n + e.source.length + e.target.length, 0) / 1e6;
  table.info(`document: paragraphs, findings`, `${int(PARAGRAPHS)}, ${int(findings)}`);
  table.check(
    `document of ${int(PARAGRAPHS)} paragraphs (${mb.toFixed(1)} M chars), median of ${RUNS}`,
    ms(docMs),
    `< ${LIMITS.documentMs} ms`,
    docMs < LIMITS.documentMs,
  );
  // The machine is shared: CPU time says what the checks cost when the wall clock includes waiting.
  table.info("document, CPU time of this process (median)", ms(median(cpu)));
  raw[lang] = { loadMs, paragraph: one, documentRuns: runs, documentCpuMs: cpu, findings, spelling };
}
table.begin("machine");
table.info("load average (1 min) at start / end", `${loadStart.toFixed(2)} / ${loadavg()[0].toFixed(2)}`);
table.info("cores", String(cpus().length));
table.info("heap used after both languages", `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

console.log(`\nQuality checks\n\n${formatText(table)}\n`);
const out = path.resolve("bench", "out");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "qa.json"), `${JSON.stringify({ rows: table.rows, raw }, null, 2)}\n`);
process.exit(table.failed ? 1 : 0);
