// Translation memory benchmark (npm run bench:tm): for memories of 100,000 and 1,000,000 sentence
// units of Ukrainian-like text (tm-text.ts), each imported from TMX as a user would:
//  - TMX import (in a child process: units/s and its own peak RSS);
//  - match lookup for a paragraph and each of its sentences (what the match panel asks), and for a
//    single sentence: p50/p95 over a third exact, a third fuzzy, a third new sentences;
//  - concordance p95; writing a confirmed paragraph's units (the work added after a save);
//  - the naive floor: scoring every unit for one sentence, as a ratio to the indexed lookup, and
//    whether both find the same best match;
//  - the analysis of a 10,000-paragraph document.
// Prints a table and writes bench/out/tm.md and tm.json. BENCH_TM_SIZES=100000 runs one size only.
// BENCH_TM_DB picks the database (bench/tm-db.ts): sqlite (the default: a file, FTS5), postgres (a
// throwaway PostgreSQL cluster: the words table and pg_trgm of lib/tm/pg-index.ts; writes
// bench/out/tm-postgres.md and .json), or both, one after the other, in one table: sqlite,postgres
// (tm-sqlite-postgres.md and .json). Same data, same import, same measurements, same targets.
// BENCH_TM_KEEP=1 keeps the databases (a PostgreSQL cluster keeps running: the run prints how to
// stop it).
import { execFileSync } from "node:child_process";
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatMarkdown, formatText, int, ms, perSec, Table } from "./report";
import { median, percentile } from "./stats";
import { concordanceQueries, paragraphsOf, querySentences, writeMemoryTmx } from "./tm-data";
import { DB_NAMES, type TmBenchDb, type TmDbKind, tmDatabases, tmDbKinds } from "./tm-db";
import { TextGenerator } from "./tm-text";

const SIZES = (process.env.BENCH_TM_SIZES ?? "100000,1000000").split(",").map(Number);
const KINDS = tmDbKinds();
const KEEP = Boolean(process.env.BENCH_TM_KEEP);
const OUT_DIR = path.resolve("bench", "out");
const SELF = fileURLToPath(import.meta.url);
const TSX = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const TARGETS = {
  lookupP95: (size: number) => (size <= 100_000 ? 30 : 100),
  concordanceP95: 100,
  analysisMs: 30_000,
};
const COUNTS = { paragraphs: 300, warmup: 30, sentences: 300, concordance: 200, confirms: 100, analysis: 10_000 };

const p = (values: number[], q: number) => percentile(Float64Array.from(values).sort(), q);
/** The CPU time this process spent on the last timed() call, ms: less disturbed by other engineers' load than the wall clock. */
let lastCpuMs = 0;
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [result, elapsed];
};

/** The import, alone in a process so that its peak memory is its own. */
async function childImport(url: string, tmxPath: string) {
  const { openDb } = await import("../lib/db/client");
  const { importTmx } = await import("../lib/tm/tmx-import");
  const db = openDb(url);
  const project = await db.project.findFirstOrThrow();
  const baseRss = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importTmx(db, () => createReadStream(tmxPath), {
    projectId: project.id,
    name: "Benchmark memory",
    createdById: null,
  });
  const elapsed = performance.now() - started;
  await db.$disconnect();
  const peakRss = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ ms: elapsed, baseRssMb: baseRss / 2 ** 20, peakRssMb: peakRss / 2 ** 20, ...result }));
}

function runImport(url: string, tmxPath: string) {
  const out = execFileSync(process.execPath, [TSX, SELF, "--child", "import", url, tmxPath], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as {
    ms: number;
    baseRssMb: number;
    peakRssMb: number;
    written: number;
    duplicates: number;
  };
}

async function benchSize(
  kind: TmDbKind,
  bench: TmBenchDb,
  dir: string,
  size: number,
  table: Table,
  raw: Record<string, unknown>,
) {
  const tmxPath = path.join(dir, "memory.tmx");
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase(bench.url);
  const sample = await writeMemoryTmx(tmxPath, size);
  table.begin(`${int(size)} sentence units, ${DB_NAMES[kind]}`);

  const imported = runImport(bench.url, tmxPath);
  table.info(
    "TMX import",
    `${ms(imported.ms)} · ${perSec((imported.written + imported.duplicates) / (imported.ms / 1000))}`,
  );
  table.info(
    "TMX import peak RSS (its own process)",
    `${imported.peakRssMb.toFixed(0)} MB (base ${imported.baseRssMb.toFixed(0)} MB)`,
  );
  table.info("units written · duplicates left out", `${int(imported.written)} · ${int(imported.duplicates)}`);
  table.info(
    kind === "sqlite" ? "database file" : "database on disk",
    `${(await bench.sizeMb()).toFixed(0)} MB (TMX ${(statSync(tmxPath).size / 1e6).toFixed(0)} MB)`,
  );
  rmSync(tmxPath);

  const { openDb } = await import("../lib/db/client");
  const { createDocument } = await import("../lib/documents/create-document");
  const { parseLinesText } = await import("../lib/segments/parse-text");
  const { projectMemoryIds } = await import("../lib/tm/memories");
  const { lookupSegmentMatches, lookupTexts } = await import("../lib/tm/lookup");
  const { searchConcordance } = await import("../lib/tm/concordance");
  const { writeParagraphUnits } = await import("../lib/tm/write-units");
  const { analyseDocument } = await import("../lib/tm/analysis");
  const { prepareSource, prepareText, scoreMatch } = await import("../lib/tm/score");
  const db = openDb(bench.url);
  const project = await db.project.findFirstOrThrow();
  const memoryIds = await projectMemoryIds(db, project.id);
  // PostgreSQL works in processes of its own: their CPU time per operation, beside the wall clock.
  const serverPer = (since: number | null, count: number) => {
    const now = bench.serverCpuMs();
    return since === null || now === null ? null : (now - since) / count;
  };
  const serverRow = (label: string, perOperation: number | null) => {
    if (perOperation !== null) table.info(`${label}, database server CPU per operation`, ms(perOperation));
  };
  const addDocument = (title: string, paragraphs: string[]) =>
    createDocument(db, {
      projectId: project.id,
      title,
      segments: parseLinesText(paragraphs.join("\n")),
      targetLangs: ["en"],
    });

  // Match lookups: paragraphs of one to four sentences, as the match panel asks for them.
  const queries = querySentences(sample, COUNTS.paragraphs * 2.5, size + 1);
  const documentId = await addDocument(
    "Lookups",
    paragraphsOf(
      queries.map((q) => q.text),
      size + 2,
    ),
  );
  const segments = await db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  for (const s of segments.slice(0, COUNTS.warmup))
    await lookupSegmentMatches(db, s.id, { memoryIds, targetLang: "en" });
  const segmentTimes: number[] = [];
  const segmentCpu: number[] = [];
  let withMatches = 0;
  const segmentServer = bench.serverCpuMs();
  for (const s of segments.slice(COUNTS.warmup)) {
    const [found, elapsed] = await timed(() => lookupSegmentMatches(db, s.id, { memoryIds, targetLang: "en" }));
    segmentTimes.push(elapsed);
    segmentCpu.push(lastCpuMs);
    if (found!.matches.length > 0) withMatches++;
  }
  const target = TARGETS.lookupP95(size);
  table.info("paragraphs looked up (1–4 sentences each)", `${segmentTimes.length}, ${withMatches} with matches`);
  table.info("paragraph + sentences lookup p50", ms(p(segmentTimes, 50)));
  table.check(
    "paragraph + sentences lookup p95",
    ms(p(segmentTimes, 95)),
    `< ${target} ms`,
    p(segmentTimes, 95) < target,
  );
  table.info("paragraph + sentences lookup, CPU time p50 · p95", `${ms(p(segmentCpu, 50))} · ${ms(p(segmentCpu, 95))}`);
  serverRow("paragraph + sentences lookup", serverPer(segmentServer, segmentTimes.length));

  const single = querySentences(sample, COUNTS.sentences, size + 3);
  const sentenceTimes: number[] = [];
  const sentenceCpu: number[] = [];
  const found: Record<string, number> = { exact: 0, fuzzy: 0, new: 0 };
  const bestScores: (number | null)[] = [];
  const sentenceServer = bench.serverCpuMs();
  for (const q of single) {
    const [[matches], elapsed] = await timed(() =>
      lookupTexts(db, [{ text: q.text }], { memoryIds, targetLang: "en", sourceLang: "uk", documentId }),
    );
    sentenceTimes.push(elapsed);
    sentenceCpu.push(lastCpuMs);
    if (matches.length > 0) found[q.kind]++;
    bestScores.push(matches[0]?.score ?? null);
  }
  table.info("sentence lookup p50", ms(p(sentenceTimes, 50)));
  table.check("sentence lookup p95", ms(p(sentenceTimes, 95)), `< ${target} ms`, p(sentenceTimes, 95) < target);
  table.info("sentence lookup, CPU time p50 · p95", `${ms(p(sentenceCpu, 50))} · ${ms(p(sentenceCpu, 95))}`);
  serverRow("sentence lookup", serverPer(sentenceServer, single.length));
  table.info(
    "sentences with a match ≥ 70 %: exact · fuzzy · new",
    `${found.exact} · ${found.fuzzy} · ${found.new} of ${single.length / 3} each`,
  );

  // Concordance: a first pass with nothing cached, then the same queries as a running server
  // answers them (trigram counts cached). A fifth of them search the targets (transliterated).
  const phrases = concordanceQueries(sample, COUNTS.concordance, size + 4);
  const translit = new TextGenerator(0);
  const concordance = async () => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (const [i, query] of phrases.entries()) {
      const side = i % 5 === 4 ? "target" : "source";
      const text = side === "target" ? translit.translation(query) : query;
      const [, elapsed] = await timed(() => searchConcordance(db, { memoryIds, targetLang: "en", query: text, side }));
      times.push(elapsed);
      cpu.push(lastCpuMs);
    }
    return { times, cpu };
  };
  const cold = await concordance();
  const concordanceServer = bench.serverCpuMs();
  const { times: concordanceTimes, cpu: concordanceCpu } = await concordance();
  const concordanceServerPer = serverPer(concordanceServer, phrases.length);
  table.info(
    "concordance, first pass (nothing cached) p50 · p95",
    `${ms(p(cold.times, 50))} · ${ms(p(cold.times, 95))}`,
  );
  table.info("concordance p50", ms(p(concordanceTimes, 50)));
  table.check(
    "concordance p95",
    ms(p(concordanceTimes, 95)),
    "< 100 ms",
    p(concordanceTimes, 95) < TARGETS.concordanceP95,
  );
  table.info("concordance, CPU time p50 · p95", `${ms(p(concordanceCpu, 50))} · ${ms(p(concordanceCpu, 95))}`);
  serverRow("concordance", concordanceServerPer);
  // The work a confirm adds (after the save, outside it).
  const writeTimes: number[] = [];
  for (const s of segments.slice(0, COUNTS.confirms)) {
    await db.translation.update({
      where: { segmentId_lang: { segmentId: s.id, lang: "en" } },
      data: { text: `${s.source.slice(0, 40)} (en)`, status: "translated", version: { increment: 1 } },
    });
    const [, elapsed] = await timed(() => writeParagraphUnits(db, s.id, "en"));
    writeTimes.push(elapsed);
  }
  table.info("writing a confirmed paragraph's units p50 · p99", `${ms(p(writeTimes, 50))} · ${ms(p(writeTimes, 99))}`);

  // The naive floor: every unit scored for one sentence.
  const naiveQueries = single.filter((q) => q.kind === "fuzzy").slice(0, size > 100_000 ? 2 : 4);
  const naiveTimes: number[] = [];
  let sameBest = 0;
  for (const q of naiveQueries) {
    const current = prepareSource(q.text, { documentId });
    const started = performance.now();
    let best = -1;
    for await (const unit of bench.units("en"))
      best = Math.max(best, scoreMatch(current, unit, prepareText(unit.source)).score);
    naiveTimes.push(performance.now() - started);
    const [[indexed]] = await lookupTexts(db, [{ text: q.text }], {
      memoryIds,
      targetLang: "en",
      sourceLang: "uk",
      documentId,
    });
    if ((best >= 70 ? best : null) === (indexed?.score ?? null)) sameBest++;
  }
  const naive = median(naiveTimes);
  table.info("naive floor: every unit scored, one sentence", ms(naive));
  table.info("naive floor ÷ indexed sentence lookup (p50)", `${(naive / p(sentenceTimes, 50)).toFixed(0)}×`);
  table.info("indexed lookup finds the naive floor's best match", `${sameBest} of ${naiveQueries.length}`);

  // Analysis of a 10,000-paragraph document.
  const analysisSentences = querySentences(sample, COUNTS.analysis * 2.5, size + 5).map((q) => q.text);
  const analysisDoc = await addDocument(
    "Analysis",
    paragraphsOf(analysisSentences, size + 6).slice(0, COUNTS.analysis),
  );
  const analysisServer = bench.serverCpuMs();
  const [analysis, analysisMs] = await timed(() =>
    analyseDocument(db, { documentId: analysisDoc, targetLang: "en", memoryIds }),
  );
  const analysisCpu = lastCpuMs;
  const analysisServerMs = serverPer(analysisServer, 1);
  const bands = analysis!.bands.map((b) => `${b.band} ${b.segments}`).join(", ");
  table.check(
    `analysis of ${int(COUNTS.analysis)} paragraphs (${int(analysis!.total.segments)} sentences)`,
    ms(analysisMs),
    "< 30 s",
    analysisMs < TARGETS.analysisMs,
  );
  table.info("analysis, CPU time", ms(analysisCpu));
  serverRow("analysis", analysisServerMs);
  table.info("analysis bands (sentences)", bands);
  await db.$disconnect();
  raw[`${kind} ${size}`] = {
    imported,
    segmentTimes,
    sentenceTimes,
    concordanceTimes,
    writeTimes,
    naiveTimes,
    analysisMs,
    bands: analysis!.bands,
    bestScores,
  };
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const table = new Table();
  const raw: Record<string, unknown> = {};
  const loadBefore = loadavg();
  const started = performance.now();
  for (const kind of KINDS) {
    const databases = await tmDatabases(kind, KEEP);
    try {
      for (const size of SIZES) {
        const dir = path.join(OUT_DIR, `tm-${size}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const bench = await databases.create(size, dir);
        await benchSize(kind, bench, dir, size, table, raw);
        await bench.drop(KEEP);
        if (!KEEP) rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      databases.stop();
    }
  }
  const loadAfter = loadavg();
  const notes = [
    `${cpus().length} cores shared with other work; load average (1, 5, 15 min) ${loadBefore.map((l) => l.toFixed(2)).join(", ")} at the start, ${loadAfter.map((l) => l.toFixed(2)).join(", ")} at the end: timings are noisy.`,
    `Lookups run in-process through Prisma on ${KINDS.map((k) => (k === "sqlite" ? "the SQLite file" : "a throwaway PostgreSQL cluster (fsync on, default settings, same machine)")).join(" and on ")}, as the server would run them (no HTTP).`,
    ...(KINDS.includes("postgres")
      ? [
          "On PostgreSQL the import's peak RSS is the importing Node process's and the CPU time rows are the benchmark process's; the database server's CPU is in its own rows (every process of the cluster, autovacuum too if it runs meanwhile).",
        ]
      : []),
    "A paragraph lookup is what the match panel asks: the paragraph and each of its sentences, with context (101 %).",
    "The save path is untouched: units are written after a confirm by writeParagraphUnits, outside the save's statement (its cost is the row above).",
    `Whole run: ${(((performance.now() - started) / 1000) | 0).toLocaleString("en")} s.`,
  ];
  const title = "Translation memory benchmark";
  console.log(`${formatText(table)}\n\n${notes.map((n) => `- ${n}`).join("\n")}`);
  // SQLite alone keeps the name it always had; other runs do not overwrite its figures.
  const name = KINDS.join(",") === "sqlite" ? "tm" : `tm-${KINDS.join("-")}`;
  writeFileSync(path.join(OUT_DIR, `${name}.md`), formatMarkdown(table, title, notes));
  writeFileSync(
    path.join(OUT_DIR, `${name}.json`),
    `${JSON.stringify({ title, rows: table.rows, notes, raw }, null, 2)}\n`,
  );
  if (table.failed > 0) process.exitCode = 1;
}

if (process.argv[2] === "--child") {
  childImport(process.argv[4], process.argv[5]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
