// Export benchmark: a 100,000-paragraph document with English translations exported as TMX, measured
// three ways, each in a child process of its own so that the peak memory measured is its own:
//  - as `npm run parallel -- export … --out /dev/null` runs it (the export command's own code, in a
//    Node started with the command line's heap flags, lib/cli/launch.ts): the time, and the
//    process's peak RSS (< 200 MB);
//  - as the app server runs it (exportDocument into a byte-counting sink, V8's default heap
//    heuristics): what an export adds to a running server;
//  - a plain SELECT dump of the same rows (better-sqlite3 iterate → lines), the yardstick.
// A tenth-size document shows whether memory grows with the document. Prints a table and writes
// bench/out/export-tmx.json.
// Run: npm run bench:export
// BENCH_EXPORT_PARAGRAPHS and BENCH_EXPORT_RUNS change the size and runs; BENCH_EXPORT_KEEP=1 keeps the files.
import { execFileSync, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { parallelNodeArgs } from "../lib/cli/launch";
import { setupExportData } from "./export-data";
import { type Measured, measured } from "./peak-memory";
import { median } from "./stats";

const PARAGRAPHS = Number(process.env.BENCH_EXPORT_PARAGRAPHS || 100_000);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS || 3);
const LIMITS = { ms: 3_000, peakMb: 200 };
const SELF = fileURLToPath(import.meta.url);
const TSX = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const OUT = path.resolve("bench", "out", "export-tmx.json");
const MB = 2 ** 20;

type Measure = Measured & { bytes: number };

/** The work returns the bytes it wrote. */
async function timed(work: () => Promise<number>): Promise<Measure> {
  const { count, ...m } = await measured(work);
  return { ...m, bytes: count };
}

/** Where the bytes go: nowhere (like /dev/null, without a system call per chunk), counted, the end kept. */
class Sink extends Writable {
  bytes = 0;
  tail = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.bytes += chunk.length;
    this.tail = (this.tail + chunk.subarray(-32).toString("latin1")).slice(-32);
    done();
  }
}

async function childExport(dbPath: string, documentId: string): Promise<Measure> {
  const { openDb } = await import("../lib/db/client");
  const { exportDocument } = await import("../lib/exchange/export/index");
  const db = openDb(`file:${dbPath}`);
  const request = { format: "tmx" as const, targets: ["en"], approvedOnly: false, includeNotes: true };
  try {
    // Warm, as a running server is: modules loaded and queries prepared, by exporting the demo document.
    const demo = await db.document.findFirstOrThrow({ where: { title: { not: { startsWith: "Export benchmark" } } } });
    for await (const _ of (await exportDocument(db, demo.id, request)).body);
    const sink = new Sink();
    const measure = await timed(async () => {
      const result = await exportDocument(db, documentId, request);
      await pipeline(Readable.from(result.body), sink);
      return sink.bytes;
    });
    if (!sink.tail.endsWith("</tmx>\n")) throw new Error("the TMX is incomplete");
    return measure;
  } finally {
    await db.$disconnect();
  }
}

/**
 * The export as `npm run parallel -- export … --out /dev/null` runs it (lib/cli/run.ts, in a Node
 * started with the command line's flags, lib/cli/launch.ts), after the same warm-up.
 */
async function childCli(dbPath: string, documentId: string): Promise<Measure> {
  const { openDb } = await import("../lib/db/client");
  const { runCli } = await import("../lib/cli/run");
  const db = openDb(`file:${dbPath}`);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), readPassword: async () => "" };
  const connect = async () => ({ db, close: async () => {} });
  const exportTo = async (id: string) => {
    const args = ["export", "--document", id, "--format", "tmx", "--target", "en", "--out", "/dev/null"];
    const code = await runCli(args, io, connect);
    if (code !== 0) throw new Error(`the export command failed: ${lines.join("\n")}`);
  };
  try {
    const demo = await db.document.findFirstOrThrow({ where: { title: { not: { startsWith: "Export benchmark" } } } });
    await exportTo(demo.id);
    const measure = await timed(async () => {
      await exportTo(documentId);
      return 0;
    });
    return measure;
  } finally {
    await db.$disconnect();
  }
}

async function childSelect(dbPath: string, documentId: string): Promise<Measure> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return await timed(async () => {
      const rows = db
        .prepare(
          `SELECT s.position, s.kind, s.source, t.text, t.status, t.updatedAt, u.name
           FROM Segment s LEFT JOIN Translation t ON t.segmentId = s.id AND t.lang = 'en'
           LEFT JOIN User u ON u.id = t.updatedById
           WHERE s.documentId = ? ORDER BY s.position`,
        )
        .raw()
        .iterate(documentId) as Iterable<unknown[]>;
      const out = new Sink();
      for (const row of rows) {
        if (!out.write(`${row.join("\t")}\n`)) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      return out.bytes;
    });
  } finally {
    db.close();
  }
}

function runChild(kind: "cli" | "export" | "select", dbPath: string, documentId: string): Measure {
  // The command line's export runs in a Node started as `npm run parallel` starts it (its heap flags);
  // the others as the app server's Node does.
  const node = kind === "cli" ? [...parallelNodeArgs().nodeArgs, SELF] : [TSX, SELF];
  const stdout = execFileSync(process.execPath, [...node, "--child", kind, dbPath, documentId], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

/** The real command, start to exit: `npm run parallel -- export …` without npm, as package.json starts it. */
function runCommand(dbPath: string, documentId: string): { wallMs: number; peakRssMb: number } {
  const { nodeArgs, script } = parallelNodeArgs();
  const hook = path.resolve("bench", "report-peak-rss.mjs");
  const args = ["export", "--document", documentId, "--format", "tmx", "--target", "en", "--out", "/dev/null"];
  const started = performance.now();
  const result = spawnSync(process.execPath, [...nodeArgs, "--import", hook, script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
  });
  const wallMs = performance.now() - started;
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !peak) throw new Error(`the export command failed: ${result.stderr}`);
  return { wallMs, peakRssMb: Number(peak[1]) / 1024 };
}

const round = Math.round;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "parallel-export-bench-"));
  try {
    const sizes = [PARAGRAPHS, Math.round(PARAGRAPHS / 10)];
    const setupStarted = performance.now();
    const { dbPath, documentIds } = await setupExportData(dir, sizes);
    const setupMs = performance.now() - setupStarted;
    const loadBefore = loadavg()[0];
    const runs: { cli: Measure; export: Measure; select: Measure }[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push({
        cli: runChild("cli", dbPath, documentIds[0]),
        export: runChild("export", dbPath, documentIds[0]),
        select: runChild("select", dbPath, documentIds[0]),
      });
    }
    const small = runChild("cli", dbPath, documentIds[1]);
    const command = runCommand(dbPath, documentIds[0]);
    const cliMs = median(runs.map((r) => r.cli.ms));
    const exportMs = median(runs.map((r) => r.export.ms));
    const selectMs = median(runs.map((r) => r.select.ms));
    const worst = (m: (r: (typeof runs)[number]) => Measure) =>
      runs.map(m).reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
    const cliMem = worst((r) => r.cli);
    const exportMem = worst((r) => r.export);
    const selectMem = worst((r) => r.select);
    const growth = (m: Measure) => m.peakRssMb - m.baseRssMb;
    const result = {
      paragraphs: PARAGRAPHS,
      runs: RUNS,
      machine: {
        cpus: cpus().length,
        loadAverage1m: [+loadBefore.toFixed(2), +loadavg()[0].toFixed(2)],
        node: process.version,
      },
      setupMs: round(setupMs),
      commandLine: {
        medianMs: round(cliMs),
        baseRssMb: round(cliMem.baseRssMb),
        peakRssMb: round(cliMem.peakRssMb),
        growthMb: round(growth(cliMem)),
      },
      wholeCommand: { wallMs: round(command.wallMs), peakRssMb: round(command.peakRssMb) },
      export: {
        medianMs: round(exportMs),
        baseRssMb: round(exportMem.baseRssMb),
        peakRssMb: round(exportMem.peakRssMb),
        growthMb: round(growth(exportMem)),
        bytes: runs[0].export.bytes,
      },
      select: {
        medianMs: round(selectMs),
        baseRssMb: round(selectMem.baseRssMb),
        peakRssMb: round(selectMem.peakRssMb),
        growthMb: round(growth(selectMem)),
        bytes: runs[0].select.bytes,
      },
      exportTenth: {
        paragraphs: sizes[1],
        ms: round(small.ms),
        peakRssMb: round(small.peakRssMb),
        growthMb: round(growth(small)),
      },
      ratio: {
        time: +(cliMs / selectMs).toFixed(2),
        peakRss: +(cliMem.peakRssMb / selectMem.peakRssMb).toFixed(2),
      },
      limits: LIMITS,
      pass: {
        time: cliMs < LIMITS.ms && exportMs < LIMITS.ms,
        peakRss: cliMem.peakRssMb < LIMITS.peakMb && command.peakRssMb < LIMITS.peakMb,
        serverGrowth: growth(exportMem) < LIMITS.peakMb,
      },
      all: runs,
      at: new Date().toISOString(),
    };
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    // The command line writes to /dev/null: its 100,000-paragraph file is the server export's, byte for byte.
    const row = (ms: number, m: { baseRssMb: number; peakRssMb: number }, bytes: number | null) => ({
      "median ms": round(ms),
      "base RSS MB": round(m.baseRssMb),
      "peak RSS MB": round(m.peakRssMb),
      "growth MB": round(m.peakRssMb - m.baseRssMb),
      "output MB": bytes === null ? "" : +(bytes / MB).toFixed(1),
    });
    console.table({
      [`TMX export, ${PARAGRAPHS}, command line`]: row(cliMs, cliMem, runs[0].export.bytes),
      [`TMX export, ${PARAGRAPHS}, as in the server`]: row(exportMs, exportMem, runs[0].export.bytes),
      [`SELECT dump, ${PARAGRAPHS}`]: row(selectMs, selectMem, runs[0].select.bytes),
      [`TMX export, ${sizes[1]}, command line`]: row(small.ms, small, null),
    });
    console.log(
      `the whole command (npm run parallel -- export, start-up included): ${round(command.wallMs)} ms, ` +
        `peak RSS ${round(command.peakRssMb)} MB`,
    );
    console.log(
      `ratio export/select: time ${result.ratio.time}×, peak RSS ${result.ratio.peakRss}×; ` +
        `load average ${result.machine.loadAverage1m.join(" → ")} on ${result.machine.cpus} CPUs`,
    );
    console.log(
      `limits: < ${LIMITS.ms} ms ${result.pass.time ? "PASS" : "FAIL"}; command line peak RSS < ${LIMITS.peakMb} MB ` +
        `${result.pass.peakRss ? "PASS" : "FAIL"}; in the server, growth over its base < ${LIMITS.peakMb} MB ` +
        `${result.pass.serverGrowth ? "PASS" : "FAIL"}`,
    );
    console.log(`written ${path.relative(process.cwd(), OUT)}`);
  } finally {
    if (process.env.BENCH_EXPORT_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const [, , flag, kind, dbPath, documentId] = process.argv;
if (flag === "--child") {
  const run = kind === "cli" ? childCli : kind === "export" ? childExport : childSelect;
  run(dbPath, documentId).then(
    (m) => console.log(JSON.stringify(m)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
