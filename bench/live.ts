// npm run bench:live: event delivery latency of live updates (issue 17) — a save on A, the event on B.
//
// 1. SQLite, one instance: the production server (as npm start serves; build reused unless
//    BENCH_REBUILD=1) on BENCH_PORT, VIEWERS event streams open on one document over HTTP, and saves
//    sent over HTTP open loop at each rate. Latency: save sent → translation.saved at each viewer
//    (and from the save's answer), p50/p99/max over every (save, viewer) pair, and per save until its
//    last viewer had it; every event must reach every viewer.
// 2. PostgreSQL, two instances: a throwaway cluster (PARALLEL_PG_PORTS), two live layers in this
//    process, each with its own pool and its own LISTEN connection (tests/live-postgres.ts), on a
//    database made by the app's PostgreSQL migrations; events published on A, VIEWERS streams open
//    on B: from the event handed to A's publisher (after its save committed) to B's viewers, through
//    the log table and NOTIFY (npm run bench:pg measures saves on two app instances, and delivery
//    between them over HTTP, save on A → event on B). Skipped when
//    no PostgreSQL binaries are installed.
// Target: p99 < 200 ms at 100 viewers per document. Writes bench/out/live.{json,md}.
// BENCH_LIVE_VIEWERS, BENCH_LIVE_RATES ("20,100" saves/s), BENCH_LIVE_SECONDS change the load;
// BENCH_LIVE_ONLY=sqlite|postgres runs one half.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_DIR, prepareBuild } from "./build";
import { APP_PORT, OUT_DIR } from "./config";
import { type DeliveryRun, httpDelivery, watched } from "./live-http";
import { deliveryOf, openLoop, type SentSave, saveKey, settle, Viewer } from "./live-viewers";
import { formatMarkdown, formatText, int, ms, Table } from "./report";
import { guardRun, killAllChildren, startApp, stopChild } from "./server";
import { setupDatabase } from "./setup-db";

const VIEWERS = Number(process.env.BENCH_LIVE_VIEWERS || 100);
const RATES = (process.env.BENCH_LIVE_RATES || "20,100").split(",").map(Number);
const DURATION_MS = Number(process.env.BENCH_LIVE_SECONDS || 10) * 1000;
const ONLY = process.env.BENCH_LIVE_ONLY;
const SEGMENTS = 200;
const TARGET_P99_MS = 200;

const step = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

interface Run extends DeliveryRun {
  setup: string;
}

async function sqliteServer(): Promise<Run[]> {
  const build = await prepareBuild();
  step(`build ${build.buildId}${build.warning ? ` (${build.warning})` : ""}`);
  const data = await setupDatabase({ file: "live.db", paragraphs: SEGMENTS });
  const app = await startApp(APP_DIR, APP_PORT, data.databaseUrl, path.join(OUT_DIR, "live-server.log"));
  try {
    const runs = await httpDelivery({
      savePort: APP_PORT,
      viewPort: APP_PORT,
      token: data.token,
      documentId: data.documentId,
      segmentIds: data.segmentIds,
      viewers: VIEWERS,
      rates: RATES,
      durationMs: DURATION_MS,
      step: (text) => step(`SQLite server: ${text}`),
    });
    return runs.map((r) => ({ setup: "SQLite, one instance (HTTP)", ...r }));
  } finally {
    await stopChild(app);
  }
}

async function postgresTwoInstances(): Promise<Run[] | string> {
  const { findPgBin, startPgCluster } = await import("../lib/db/pg-cluster");
  try {
    findPgBin();
  } catch (error) {
    return `skipped: ${(error as Error).message}`;
  }
  const { default: pg } = await import("pg");
  const { addPeople, pgInstance } = await import("../tests/live-postgres");
  const { openEventStream } = await import("../lib/live/event-stream");
  const { migrateDatabase } = await import("../lib/db/migrate");
  const cluster = await startPgCluster();
  const url = cluster.urlOf("postgres");
  await migrateDatabase({ provider: "postgres", url, prismaDir: path.resolve("prisma", "postgres") });
  const admin = new pg.Client({ connectionString: url });
  const a = pgInstance(url, "bench-a");
  const b = pgInstance(url, "bench-b");
  const viewers: Viewer[] = [];
  const runs: Run[] = [];
  try {
    await admin.connect();
    await addPeople(admin, [{ id: "u1", name: "Bench Translator" }]);
    for (let i = 0; i < VIEWERS; i++)
      viewers.push(new Viewer(openEventStream(b.live, { documentId: "d1", after: null })));
    await Promise.all(viewers.map((v) => v.live));
    let version = 0;
    for (const rate of RATES) {
      step(`PostgreSQL, A → B: ${rate} events/s for ${DURATION_MS / 1000} s to ${VIEWERS} viewers on B…`);
      const saves: SentSave[] = [];
      const load = os.loadavg()[0];
      const { lagP99 } = await watched(() =>
        openLoop(rate, DURATION_MS, async (n) => {
          const segmentId = `s${n % SEGMENTS}`;
          version += 1;
          const key = saveKey(segmentId, version);
          const sentAt = performance.now();
          const published = a.live.publisher.publish({
            type: "translation.saved",
            documentId: "d1",
            actorId: "u1",
            data: { segmentId, lang: "en", version, status: "draft" },
          });
          saves.push({ key, sentAt, doneAt: sentAt });
          await published;
        }),
      );
      await settle(saves, viewers);
      runs.push({
        setup: "PostgreSQL, two instances (transport)",
        rate,
        delivery: deliveryOf(saves, viewers),
        failedSaves: 0,
        clientLagP99: lagP99,
        load,
      });
    }
  } finally {
    for (const v of viewers) await v.cancel();
    await a.close();
    await b.close();
    await admin.end().catch(() => {});
    cluster.stop();
  }
  return runs;
}

async function main() {
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const loadAtStart = os.loadavg()[0];
  const sqlite = ONLY === "postgres" ? [] : await sqliteServer();
  const postgres = ONLY === "sqlite" ? "not run (BENCH_LIVE_ONLY=sqlite)" : await postgresTwoInstances();
  const table = new Table();
  for (const r of [...sqlite, ...(typeof postgres === "string" ? [] : postgres)]) {
    const d = r.delivery;
    table.begin(`${r.setup}: ${r.rate} saves/s, ${VIEWERS} viewers`);
    table.check("events delivered", `${int(d.delivered)} of ${int(d.expected)}`, "all", d.delivered === d.expected);
    if (r.failedSaves) table.check("saves not answered 200", int(r.failedSaves), "0", false);
    table.info("save sent → event p50", ms(d.fromSend.p50));
    table.check("save sent → event p99", ms(d.fromSend.p99), `< ${TARGET_P99_MS} ms`, d.fromSend.p99 < TARGET_P99_MS);
    table.info("save sent → event max", ms(d.fromSend.max));
    table.info("save answered → event p50 / p99", `${ms(d.fromAnswer.p50)} / ${ms(d.fromAnswer.p99)}`);
    table.info("until the last viewer has it p50 / p99", `${ms(d.lastViewer.p50)} / ${ms(d.lastViewer.p99)}`);
    table.info("the bench's own event-loop delay p99 (its viewers read late by this)", ms(r.clientLagP99));
  }
  table.begin("Run");
  if (typeof postgres === "string") table.info("PostgreSQL", postgres);
  table.info(
    "machine",
    `${os.cpus().length} CPUs, load ${loadAtStart.toFixed(2)} at start / ${os.loadavg()[0].toFixed(2)} at end`,
  );
  table.info("total time", `${((performance.now() - started) / 1000).toFixed(0)} s`);
  const title = "Live event delivery (npm run bench:live)";
  console.log(`\n${title}\n\n${formatText(table)}\n`);
  writeFileSync(path.join(OUT_DIR, "live.json"), `${JSON.stringify({ title, rows: table.rows }, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, "live.md"), formatMarkdown(table, title, []));
  return table.failed;
}

guardRun("bench:live", 15 * 60_000);

main()
  .then((failed) => process.exit(failed ? 1 : 0))
  .catch((error) => {
    console.error(error);
    killAllChildren();
    process.exit(2);
  });
