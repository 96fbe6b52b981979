// Terminology benchmark: a 10,000-entry glossary, terms recognised in 70-word paragraphs.
//  - server (this Node process): index build time and memory, recognition p95 (< 5 ms), the QA
//    checks (missing translation + forbidden term) per paragraph;
//  - browser (Chromium through Playwright): the same modules bundled by esbuild for the browser,
//    the index built in the page, and the visible rows (30 paragraphs) recognised in one go
//    (< 16 ms, one frame);
//  - the real editor (bench/terms-editor.ts): the production build with the glossary in the database
//    and a 2,000-paragraph document, Chromium scrolling the editor; each batch of paragraphs coming on
//    screen recognised (< 16 ms), the glossary loaded once per page and cached by the browser.
// The machine's load average is printed: 2 cores shared with other developers, timings are noisy.
// Run: npm run bench:terms   (BENCH_TERMS_ENTRIES, BENCH_TERMS_RUNS, BENCH_TERMS_BROWSER=0 to skip Chromium,
//      BENCH_TERMS_EDITOR=0 to skip the real editor; BENCH_PORT for its server, BENCH_REBUILD=1 to build first)
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { forbiddenTargetTerms, missingTargetTerms } from "../lib/terms/checks";
import { buildTermIndex } from "../lib/terms/recognize";
import { chromiumLaunchOptions } from "../tests/chromium";
import { formatMarkdown, formatText, int, mb, ms, Table } from "./report";
import { killAllChildren } from "./server";
import { summarize } from "./stats";
import { glossary, paragraphs } from "./terms-data";

const ENTRIES = Number(process.env.BENCH_TERMS_ENTRIES || 10_000);
const RUNS = Number(process.env.BENCH_TERMS_RUNS || 3_000);
const VISIBLE_ROWS = 30;
const LIMITS = { serverP95: 5, frame: 16 };
const SCROLL_NOTE = "first screen, then 30 wheel turns";
const OUT = path.resolve("bench", "out", "terms");
const gc = (globalThis as { gc?: () => void }).gc;

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" / ");

async function main() {
  const table = new Table();
  const loadBefore = load();
  const entries = glossary(ENTRIES);
  const texts = paragraphs(200);
  const targetText = "Реформа термин 12 та термин 700 мемлекеттік қызметтің.";

  table.begin(`server (Node ${process.version}, ${cpus().length} cores)`);
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const index = buildTermIndex(entries, "uk");
  const buildMs = performance.now() - started;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  table.info("glossary entries", int(entries.length));
  table.info("index build (source side)", ms(buildMs));
  table.info("index memory (heap after GC)", gc ? mb(heapAfter - heapBefore) : "run with --expose-gc");
  started = performance.now();
  index.findTarget(targetText, "kk");
  table.info("first target lookup (builds the kk side)", ms(performance.now() - started));

  for (let i = 0; i < 300; i++) index.findSource(texts[i % texts.length]);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    found += index.findSource(texts[i % texts.length]).length;
    times.push(performance.now() - t);
  }
  const s = summarize(times);
  table.info("terms found per paragraph (mean)", (found / RUNS).toFixed(1));
  table.info("recognise a 70-word paragraph p50", ms(s.p50));
  table.check(
    "recognise a 70-word paragraph p95",
    ms(percentile95(times)),
    `< ${LIMITS.serverP95} ms`,
    percentile95(times) < LIMITS.serverP95,
  );
  table.info("recognise a 70-word paragraph max", ms(s.max));

  const checks: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t = performance.now();
    missingTargetTerms(index, texts[i % texts.length], targetText, "kk");
    forbiddenTargetTerms(index, targetText, "kk");
    checks.push(performance.now() - t);
  }
  table.info("QA checks (missing + forbidden) per paragraph p95", ms(percentile95(checks)));

  let browser: Record<string, number> | null = null;
  if (process.env.BENCH_TERMS_BROWSER !== "0") {
    table.begin("browser (Chromium, the same modules bundled by esbuild)");
    browser = await inBrowser(entries, texts);
    table.info("bundle (minified)", `${(browser.bundleBytes / 1024).toFixed(0)} KB`);
    table.info("index build in the page", ms(browser.buildMs));
    table.info("recognise one paragraph p95", ms(browser.oneP95));
    table.info(`recognise the visible rows (${VISIBLE_ROWS} paragraphs) p50`, ms(browser.visibleP50));
    table.check(
      `recognise the visible rows (${VISIBLE_ROWS} paragraphs) p95`,
      ms(browser.visibleP95),
      `< ${LIMITS.frame} ms`,
      browser.visibleP95 < LIMITS.frame,
    );
  }

  let editor: Awaited<ReturnType<typeof import("./terms-editor").inEditor>> | null = null;
  if (process.env.BENCH_TERMS_BROWSER !== "0" && process.env.BENCH_TERMS_EDITOR !== "0") {
    const { inEditor } = await import("./terms-editor");
    editor = await inEditor(ENTRIES);
    table.begin(`the real editor (production build, ${int(editor.paragraphs)} paragraphs, Chromium 1440×900)`);
    table.info("glossary entries in the database", int(editor.entries));
    table.info("glossary download (once per page)", `${mb(editor.glossaryBytes)} in ${ms(editor.glossaryMs)}`);
    table.info("index build in the page", ms(editor.indexMs));
    table.check(
      "glossary requests for the page",
      String(editor.glossaryRequests),
      "1 per page load",
      editor.glossaryRequests === 1,
    );
    table.check(
      "per-paragraph term requests",
      String(editor.segmentTermRequests),
      "0",
      editor.segmentTermRequests === 0,
    );
    table.check(
      "glossary from the browser's cache on the second visit",
      editor.cachedOnReload ? "yes" : "no",
      "yes",
      editor.cachedOnReload,
    );
    table.info(
      `batches of paragraphs coming on screen (${SCROLL_NOTE})`,
      `${editor.batches}, ${editor.rowsPerBatch.toFixed(1)} paragraphs each`,
    );
    table.info("recognise a batch p50", ms(editor.batchP50));
    table.check("recognise a batch p95", ms(editor.batchP95), `< ${LIMITS.frame} ms`, editor.batchP95 < LIMITS.frame);
    table.info("recognise a batch max", ms(editor.batchMax));
    table.info("terms underlined on screen at the end", int(editor.termsShown));
  }

  table.begin("machine");
  table.info("load average (1/5/15 min) before", loadBefore);
  table.info("load average (1/5/15 min) after", load());

  console.log(formatText(table));
  mkdirSync(OUT, { recursive: true });
  const notes = [`${ENTRIES} entries, ${RUNS} runs; load average before ${loadBefore}, after ${load()}.`];
  writeFileSync(path.join(OUT, "results.md"), formatMarkdown(table, "Terminology benchmark", notes));
  writeFileSync(
    path.join(OUT, "results.json"),
    `${JSON.stringify({ rows: table.rows, server: s, browser, editor }, null, 2)}\n`,
  );
  process.exitCode = table.failed ? 1 : 0;
}

function percentile95(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

async function inBrowser(entries: unknown[], texts: string[]) {
  const bundle = await build({
    entryPoints: [path.resolve("bench", "terms-browser-entry.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    minify: true,
    write: false,
  });
  const code = bundle.outputFiles[0].text;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>terms</title>");
    await page.addScriptTag({ content: code });
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    const result = (await page.evaluate(
      `parallelTerms.measure(${JSON.stringify(entries)}, ${JSON.stringify(texts)}, ${VISIBLE_ROWS})`,
    )) as { buildMs: number; oneP95: number; visibleP50: number; visibleP95: number };
    return { ...result, bundleBytes: code.length };
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  killAllChildren();
  process.exit(1);
});
