// npm run bench:pg: saves on PostgreSQL with two app instances sharing one database, beside the
// SQLite single instance, in one run (issue 17). A throwaway PostgreSQL cluster (durable: fsync on,
// as a server keeps it) and a SQLite file each get the generated document; then, for each:
//  - open loop: 1,000 editors each saving once every 2 s (~500 saves/s offered), spread over the
//    instances (an editor keeps to one), latency p50/p99 from send to answer;
//  - closed loop: 100 clients saving back to back, spread the same way: the most saves/s.
// PostgreSQL also runs the closed loop on one instance, to show what the second one adds. Before its
// loops, with the two instances fresh: event delivery from A to B (issue 17), 100 viewers with the
// document's event stream open on B (over HTTP, bench/live-http.ts) while saves go to A open loop at
// each rate; latency from the save sent to A to the event at each viewer on B (and from A's answer),
// target p99 < 200 ms. BENCH_PG_LIVE_VIEWERS, BENCH_PG_LIVE_RATES ("20,100" saves/s) and
// BENCH_PG_LIVE_SECONDS (10) change that load. Prints tables (also bench/out/pg-results.md and
// .json) with the load average. Ports: BENCH_PORT and the next one.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startPgCluster } from "../lib/db/pg-cluster";
import { APP_DIR, prepareBuild } from "./build";
import { APP_PORT, CLOSED_LOOP, DOCUMENT, OPEN_LOOP, OUT_DIR, ROOT } from "./config";
import { type DeliveryRun, httpDelivery } from "./live-http";
import { closedLoop, openLoop, type Server } from "./load";
import { guardRun, killAllChildren, startApp, stopChild } from "./server";
import type { BenchData } from "./setup-db";
import type { Summary } from "./stats";

const PARAGRAPHS = 2_000;
const POOL_SIZE = process.env.DATABASE_POOL_SIZE || "10";
const LIVE = {
  viewers: Number(process.env.BENCH_PG_LIVE_VIEWERS || 100),
  rates: (process.env.BENCH_PG_LIVE_RATES || "20,100").split(",").map(Number),
  durationMs: Number(process.env.BENCH_PG_LIVE_SECONDS || 10) * 1000,
  /** Paragraphs the loops do not touch (open: 0–999, closed: 1,000–1,199). */
  segments: { from: 1_500, count: 200 },
  targetP99Ms: 200,
};
const step = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

function setUp(where: string): BenchData {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join("bench", "pg-setup.ts"), where, String(PARAGRAPHS)],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_POOL_SIZE: POOL_SIZE },
    },
  );
  const line = out.split("\n").find((l) => l.startsWith("BENCH_DATA "));
  if (!line) throw new Error(`setting up ${where} printed no data:\n${out}`);
  return JSON.parse(line.slice("BENCH_DATA ".length)) as BenchData;
}

interface Row {
  database: string;
  instances: number;
  loop: string;
  offered: string;
  perSec: number;
  latency: Summary;
  failed: number;
  /** What the failed ones were: status codes, client failures (timeouts), and those still unanswered. */
  failures: Record<string, number>;
  serverCores: number;
}

async function measure(
  name: string,
  data: BenchData,
  instances: number,
  loops: ("open" | "closed")[],
  closedFrom = 1_000,
  /** Runs first, on the fresh instances (their ports). */
  first?: (ports: number[]) => Promise<void>,
) {
  const ports = Array.from({ length: instances }, (_, i) => APP_PORT + i);
  const apps = [];
  for (const port of ports) {
    step(`Starting ${name} instance on port ${port}…`);
    apps.push(await startApp(APP_DIR, port, data.databaseUrl, path.join(OUT_DIR, `pg-bench-${name}-${port}.log`)));
  }
  const server: Server = {
    name,
    port: ports[0],
    ports,
    pids: apps.map((a) => a.pid as number),
    token: data.token,
    lang: "en",
    segmentIds: data.segmentIds,
    versions: new Map(),
  };
  const rows: Row[] = [];
  try {
    await first?.(ports);
    for (const loop of loops) {
      if (loop === "open") {
        step(`${name} ×${instances}: open loop, ${OPEN_LOOP.editors} editors every ${OPEN_LOOP.periodMs / 1000} s…`);
        const r = await openLoop(server, { ...OPEN_LOOP, firstSegment: 0, seed: DOCUMENT.seed });
        rows.push({
          database: name,
          instances,
          loop: "open",
          offered: `${Math.round(r.offeredPerSec)}/s`,
          perSec: r.achievedPerSec,
          latency: r.latency,
          failed: r.errors + r.conflicts + r.unfinished,
          failures: { ...r.statuses, ...(r.unfinished ? { unanswered: r.unfinished } : {}) },
          serverCores: r.cpu.serverCores,
        });
      } else {
        step(`${name} ×${instances}: closed loop, ${CLOSED_LOOP.clients} clients…`);
        const r = await closedLoop(server, { ...CLOSED_LOOP, firstSegment: closedFrom });
        rows.push({
          database: name,
          instances,
          loop: "closed",
          offered: `${CLOSED_LOOP.clients} clients`,
          perSec: r.perSec,
          latency: r.latency,
          failed: r.errors + r.conflicts,
          failures: r.statuses,
          serverCores: r.cpu.serverCores,
        });
      }
    }
  } finally {
    for (const app of apps) await stopChild(app);
  }
  return rows;
}

interface LiveRow extends DeliveryRun {
  viewers: number;
}

/** Saves on the first instance, the events read by LIVE.viewers streams on the second. */
async function liveAcross(data: BenchData, [a, b]: number[]): Promise<LiveRow[]> {
  const { from, count } = LIVE.segments;
  const runs = await httpDelivery({
    savePort: a,
    viewPort: b,
    token: data.token,
    documentId: data.documentId,
    segmentIds: data.segmentIds.slice(from, from + count),
    viewers: LIVE.viewers,
    rates: LIVE.rates,
    durationMs: LIVE.durationMs,
    step: (text) => step(`PostgreSQL live, A → B: ${text}`),
  });
  return runs.map((r) => ({ ...r, viewers: LIVE.viewers }));
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const loadAtStart = os.loadavg()[0];
  step("Checking the production build…");
  await prepareBuild();
  const rows: Row[] = [];
  let live: LiveRow[] = [];

  step(`SQLite: a fresh file with a ${PARAGRAPHS.toLocaleString("en")}-paragraph document…`);
  const sqlite = setUp("bench-pg-sqlite.db");
  rows.push(...(await measure("SQLite", sqlite, 1, ["open", "closed"])));

  step("PostgreSQL: a throwaway cluster (fsync on)…");
  const cluster = await startPgCluster({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE parallel_bench");
    await admin.end();
    const postgres = setUp(cluster.urlOf("parallel_bench"));
    rows.push(
      ...(await measure("PostgreSQL", postgres, 2, ["open", "closed"], 1_000, async (ports) => {
        live = await liveAcross(postgres, ports);
      })),
    );
    // Other segments than the first closed loop's, whose versions that run moved on.
    rows.push(...(await measure("PostgreSQL", postgres, 1, ["closed"], 1_100)));
  } finally {
    cluster.stop();
  }

  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
  const load = `${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`;
  const lines = [
    `Saves: PostgreSQL (2 instances, DATABASE_POOL_SIZE=${POOL_SIZE} each) beside SQLite (1 instance); ${load}`,
    "",
    "| database | instances | loop | offered | saves/s | p50 ms | p99 ms | max ms | failed | server cores |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.instances} | ${r.loop} | ${r.offered} | ${Math.round(r.perSec)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${r.failed} | ${r.serverCores.toFixed(2)} |`,
    ),
    "",
    ...rows
      .filter((r) => r.failed > 0)
      .map((r) => `failed, ${r.database} ×${r.instances} ${r.loop}: ${JSON.stringify(r.failures)}`),
    "",
    `Live events, PostgreSQL: saves sent to instance A, ${LIVE.viewers} event streams of the document open on instance B; target: save sent → event p99 < ${LIVE.targetP99Ms} ms`,
    "",
    "| saves/s | events delivered | sent → event p50 ms | p99 ms | max ms | answered → event p50 ms | p99 ms | last viewer p99 ms | bench's event loop p99 ms | saves failed | load | p99 target |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...live.map((r) => {
      const d = r.delivery;
      const met = d.fromSend.p99 < LIVE.targetP99Ms && d.delivered === d.expected;
      return `| ${r.rate} | ${d.delivered} of ${d.expected} | ${ms(d.fromSend.p50)} | ${ms(d.fromSend.p99)} | ${ms(d.fromSend.max)} | ${ms(d.fromAnswer.p50)} | ${ms(d.fromAnswer.p99)} | ${ms(d.lastViewer.p99)} | ${ms(r.clientLagP99)} | ${r.failedSaves} | ${r.load.toFixed(1)} | ${met ? "met" : "NOT met"} |`;
    }),
  ];
  console.log(`\n${lines.join("\n")}\n`);
  writeFileSync(path.join(OUT_DIR, "pg-results.md"), `${lines.join("\n")}\n`);
  writeFileSync(
    path.join(OUT_DIR, "pg-results.json"),
    JSON.stringify({ rows, live, at: new Date().toISOString() }, null, 2),
  );
}

guardRun("bench:pg", 15 * 60_000);
main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    killAllChildren();
    process.exit(2);
  });
