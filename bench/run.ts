// npm run bench: the editor benchmark. Builds if there is no production build, makes a fresh database
// with a generated 10,000-paragraph document, starts the app on 127.0.0.1, measures the page load in
// Chromium and saves through the API (one client, an open loop of 1,000 editors, a closed loop of 100
// clients), does the same closed loop against a bare node:http + better-sqlite3 server, and prints one
// table (also bench/out/results.json and results.md). It stops by itself; children are always killed.
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { APP_DIR, prepareBuild } from "./build";
import {
  APP_PORT,
  BARE_PORT,
  CLOSED_LOOP,
  DOCUMENT,
  HOST,
  OPEN_LOOP,
  OUT_DIR,
  RUN_DEADLINE_MS,
  SINGLE,
} from "./config";
import { measureFsync } from "./disk-probe";
import { measureEditorHtml, measureHttpFloor } from "./http-floor";
import { closedLoop, openLoop, type Server, singleClient } from "./load";
import { measurePageLoad } from "./page-load";
import { summarizeProfiles } from "./profile-summary";
import { formatText, writeReport } from "./report";
import { type BenchResults, buildTable } from "./results";
import { measureEditorQuery, measureSavePhases } from "./save-phases";
import { guardRun, killAllChildren, portIsFree, startApp, startNode, stopChild, waitForUrl } from "./server";
import { setupDatabase } from "./setup-db";

// The bench drives thousands of saves a minute with one API token; the per-token rate limit
// (lib/auth/token-rate.ts, tested in tests/reliability/token-rate.test.ts) is not what it measures.
process.env.PARALLEL_TOKEN_RATE_PER_MINUTE = "0";

const step = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main() {
  const started = performance.now();
  const environment = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "",
    memoryGB: os.totalmem() / 1e9,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
    loadAverageAtEnd: [] as number[],
  };
  mkdirSync(OUT_DIR, { recursive: true });
  rmSync(path.join(OUT_DIR, "prof"), { recursive: true, force: true });
  for (const port of [APP_PORT, BARE_PORT]) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is in use (set BENCH_PORT to use others)`);
  }

  step("Checking the production build…");
  const build = await prepareBuild();

  step(`Creating the database and a ${DOCUMENT.paragraphs.toLocaleString("en")}-paragraph document…`);
  const data = await setupDatabase();
  const bareDbPath = path.join(OUT_DIR, "bench-bare.db");
  const source = new Database(data.dbPath);
  await source.backup(bareDbPath);
  source.close();
  // The yardstick writes the revision itself (update + insert in one transaction), so its copy has
  // none of the app's revision triggers.
  const bareDb = new Database(bareDbPath);
  for (const name of bareDb.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()) {
    bareDb.exec(`DROP TRIGGER "${name}"`);
  }
  bareDb.close();

  step("Timing the phases of one save in-process (no HTTP)…");
  const phases = await measureSavePhases(data);
  const editorQuery = await measureEditorQuery(data);

  step(`Starting the app (next start) on ${HOST}:${APP_PORT}…`);
  const app = await startApp(APP_DIR, APP_PORT, data.databaseUrl, path.join(OUT_DIR, "server.log"));
  const appServer: Server = {
    name: "app",
    port: APP_PORT,
    token: data.token,
    lang: "en",
    segmentIds: data.segmentIds,
    versions: new Map(),
    pid: app.pid,
  };
  let results: Omit<BenchResults, "bare" | "diskBeforeBare" | "environment" | "totalSeconds" | "profile">;
  try {
    step("One client saving back to back…");
    const appSingle = await singleClient(appServer, 2_000, SINGLE);
    const floor = await measureHttpFloor(APP_PORT, data.token);
    const editorHtml = await measureEditorHtml(APP_PORT, data.documentId, data.sessionCookie);

    step("Page load in Chromium…");
    const page = await measurePageLoad(
      `http://${HOST}:${APP_PORT}`,
      data.documentId,
      data.sessionCookie,
      data.segmentIds.length,
    );

    const diskBeforeOpen = measureFsync(OUT_DIR);
    step(`Open loop: ${OPEN_LOOP.editors} editors saving every ${OPEN_LOOP.periodMs / 1000} s…`);
    const open = await openLoop(appServer, { ...OPEN_LOOP, firstSegment: 0, seed: DOCUMENT.seed });

    step(`Closed loop: ${CLOSED_LOOP.clients} clients against the app…`);
    const appClosed = await closedLoop(appServer, { ...CLOSED_LOOP, firstSegment: 1_000 });
    results = {
      data,
      build,
      phases,
      editorQuery,
      floor,
      editorHtml,
      page,
      appSingle,
      open,
      appClosed,
      diskBeforeOpen,
    };
  } finally {
    await stopChild(app);
  }

  step(`Bare node:http + better-sqlite3 server on ${HOST}:${BARE_PORT}…`);
  const bareChild = startNode(
    ["--import", "tsx", path.join("bench", "bare-server.ts"), bareDbPath, String(BARE_PORT)],
    {},
    path.join(OUT_DIR, "bare-server.log"),
  );
  const bareServer: Server = { ...appServer, name: "bare", port: BARE_PORT, versions: new Map(), pid: bareChild.pid };
  let bare: BenchResults["bare"];
  const diskBeforeBare = measureFsync(OUT_DIR);
  try {
    await waitForUrl(`http://${HOST}:${BARE_PORT}/en`, bareChild, 20_000);
    const single = await singleClient(bareServer, 2_000, SINGLE);
    step(`Closed loop: ${CLOSED_LOOP.clients} clients against the bare server…`);
    const closed = await closedLoop(bareServer, { ...CLOSED_LOOP, firstSegment: 1_000 });
    bare = { single, closed };
  } finally {
    await stopChild(bareChild);
  }

  environment.loadAverageAtEnd = os.loadavg();
  const profile = summarizeProfiles(path.join(OUT_DIR, "prof"), results.appClosed.window);
  const totalSeconds = (performance.now() - started) / 1000;
  const { table, title, notes, raw } = buildTable({
    ...results,
    bare,
    diskBeforeBare,
    environment,
    totalSeconds,
    profile,
  });
  return { table, title, notes, raw };
}

guardRun("bench", RUN_DEADLINE_MS);

main()
  .then(({ table, title, notes, raw }) => {
    console.log(`\n${title}\n\n${formatText(table)}\n`);
    for (const note of notes) console.log(`• ${note}`);
    writeReport(OUT_DIR, table, title, notes, raw);
    console.log(`\nWritten: ${path.relative(process.cwd(), path.join(OUT_DIR, "results.md"))} and results.json`);
    // A finished run exits 0 whatever it measured (this is a benchmark, not a test); a broken one 2.
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    killAllChildren();
    process.exit(2);
  });
