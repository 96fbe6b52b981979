// Quality-check benchmark (issue #16). The library: dictionary loading (once per process, with the
// heap it takes), one paragraph (< 50 ms), a 10,000-paragraph document for one language (< 3 s),
// for English and Kazakh, with the demo glossary. The server (bench/qa-server.ts): the same
// document in SQLite, its report as the route computes it, cold and warm (< 3 s), and the as-you-type
// check as a round trip over HTTP (< 50 ms). The document repeats the demo translations
// (tests/fixtures/qa-demo.ts) with the years varied in both languages, so every paragraph differs,
// and one in ten carries a slip (a citation deleted) so findings are built too.
// Prints a table; writes bench/out/qa.json.
// Run: npm run bench:qa   (BENCH_QA_PARAGRAPHS, BENCH_QA_RUNS change the size and repetitions;
// BENCH_PORT the HTTP port, 0 for any free one)
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { checkDocument, checkSegment, spellingFor } from "../lib/qa/check";
import { glossaryWords } from "../lib/qa/checks/glossary";
import type { DocumentEntry } from "../lib/qa/document";
import { resolveQaSettings } from "../lib/qa/settings";
import { demoEnglish, demoGlossary, demoKazakh, demoSegments } from "../tests/fixtures/qa-demo";
import { setupServerBench } from "./qa-server";
import { formatText, int, ms, Table } from "./report";
import { median, summarize } from "./stats";

const PARAGRAPHS = Number(process.env.BENCH_QA_PARAGRAPHS || 10_000);
const RUNS = Number(process.env.BENCH_QA_RUNS || 3);
const PORT = Number(process.env.BENCH_PORT ?? 3621);
const LIMITS = { paragraphMs: 50, documentMs: 3_000 };
const settings = resolveQaSettings();
const loadStart = loadavg()[0];
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const glossary = demoGlossary();

function documentFor(translations: Record<number, string>, count: number): DocumentEntry[] {
  const pairs = Object.entries(translations).map(([i, target]) => ({ seg: demoSegments[Number(i)], target }));
  return Array.from({ length: count }, (_, n) => {
    const { seg, target } = pairs[n % pairs.length];
    // A year of its own in each paragraph: no two paragraphs are the same (nothing is checked once for many).
    const year = String(1000 + n);
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
// The checks are synchronous JavaScript on one thread: on an idle core the wall clock is the CPU
// time. This machine has 2 cores shared by several engineers (load averages of 10-20 are common), so
// the wall clock mostly measures waiting for a core; the targets are judged on the process's CPU time
// and on the wall clock too only when the machine is idle (load average below the core count).
const idle = loadStart < cpus().length;
function judged(metric: string, wallMs: number, cpuMs: number, limit: number) {
  table.info(metric, `${ms(wallMs)} wall`);
  table.check("  CPU time of this process", ms(cpuMs), `< ${limit} ms`, cpuMs < limit);
  if (idle) table.check("  wall clock (machine idle)", ms(wallMs), `< ${limit} ms`, wallMs < limit);
}
const raw: Record<string, unknown> = {};
const languages = [
  ["en", demoEnglish],
  ["kk", demoKazakh],
] as const;
const documents: Record<string, DocumentEntry[]> = {};

for (const [lang, translations] of languages) {
  table.begin(`uk → ${lang}: the checks (lib/qa), with the demo glossary`);
  const heapBefore = heap();
  const [loadMs, state] = await timed(() => spellingFor(lang, settings));
  const heapMb = (heap() - heapBefore) / 1e6;
  const spelling = state && "speller" in state ? "on" : "unavailable";
  table.info(`dictionary load (first use in a process), spelling ${spelling}`, ms(loadMs));
  table.info("dictionary heap", gc ? `${heapMb.toFixed(0)} MB` : "n/a (run with --expose-gc)");
  const words = glossaryWords(glossary, lang);

  // As you type: every demo paragraph, many times; the first calls warm the JIT.
  const entries = documentFor(translations, Object.keys(translations).length);
  const times: number[] = [];
  for (let round = 0; round < 60; round++)
    for (const e of entries) {
      const [t] = await timed(() =>
        checkSegment(
          {
            source: e.source,
            target: e.target,
            sourceLang: "uk",
            targetLang: lang,
            kind: e.kind,
            glossary,
            glossaryWords: words,
          },
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
  documents[lang] = doc;
  const runs: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let r = 0; r < RUNS; r++) {
    const before = process.cpuUsage();
    const [t, result] = await timed(() =>
      checkDocument({ entries: doc, sourceLang: "uk", targetLang: lang, glossary, glossaryWords: words }, settings),
    );
    const used = process.cpuUsage(before);
    runs.push(t);
    cpu.push((used.user + used.system) / 1000);
    findings = result.findings.length;
  }
  const mb = doc.reduce((n, e) => n + e.source.length + e.target.length, 0) / 1e6;
  table.info(`document: paragraphs, findings`, `${int(PARAGRAPHS)}, ${int(findings)}`);
  judged(
    `document of ${int(PARAGRAPHS)} paragraphs (${mb.toFixed(1)} M chars), median of ${RUNS}`,
    median(runs),
    median(cpu),
    LIMITS.documentMs,
  );
  raw[lang] = { loadMs, heapMb, paragraph: one, documentRuns: runs, documentCpuMs: cpu, findings, spelling };
}

const out = path.resolve("bench", "out");
mkdirSync(out, { recursive: true });
const server = await setupServerBench(out, PORT, documents);
try {
  for (const [lang, translations] of languages) {
    table.begin(`uk → ${lang}: through the server (SQLite, the demo project's glossary)`);
    const cold = await server.report(lang, true);
    judged(
      `GET …/documents/{id}/qa, ${int(PARAGRAPHS)} paragraphs, cold (nothing remembered)`,
      cold.ms,
      cold.cpuMs,
      LIMITS.documentMs,
    );
    const warm: { ms: number; cpuMs: number }[] = [];
    for (let r = 0; r < RUNS; r++) warm.push(await server.report(lang, false));
    judged(
      `asked again (paragraph findings remembered), median of ${RUNS}`,
      median(warm.map((w) => w.ms)),
      median(warm.map((w) => w.cpuMs)),
      LIMITS.documentMs,
    );
    table.info("  findings", int(cold.findings));
    // The demo paragraphs with their translations, on the bench document's segments.
    const texts = Object.keys(translations).map((_, k) => ({
      segmentId: server.segments[k].id,
      source: documents[lang][k].source,
      target: documents[lang][k].target,
    }));
    const trips = await server.roundTrips(lang, texts, 300);
    table.info(
      `POST /api/v1/qa/check over HTTP, wall p50 · p99 of ${int(trips.count)}`,
      `${ms(trips.p50)} · ${ms(trips.p99)}`,
    );
    table.check(
      "  CPU time per round trip (client and server, this process)",
      ms(trips.cpuMs),
      `< ${LIMITS.paragraphMs} ms`,
      trips.cpuMs < LIMITS.paragraphMs,
    );
    if (idle)
      table.check(
        "  wall p99 (machine idle)",
        ms(trips.p99),
        `< ${LIMITS.paragraphMs} ms`,
        trips.p99 < LIMITS.paragraphMs,
      );
    raw[`${lang}-server`] = { cold, warm, roundTrip: trips };
  }
} finally {
  await server.close();
}

table.begin("machine");
table.info("load average (1 min) at start / end", `${loadStart.toFixed(2)} / ${loadavg()[0].toFixed(2)}`);
table.info("cores", String(cpus().length));
table.info("heap used at the end", `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

console.log(`\nQuality checks\n\n${formatText(table)}\n`);
writeFileSync(path.join(out, "qa.json"), `${JSON.stringify({ rows: table.rows, raw }, null, 2)}\n`);
process.exit(table.failed ? 1 : 0);
