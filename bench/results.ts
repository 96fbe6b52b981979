// Turns the measurements into the table's rows, with the targets of the issue, and short notes that
// say where the time goes when a target is missed.
import type { BuildInfo } from "./build";
import { CLOSED_LOOP, DOCUMENT, OPEN_LOOP, PAGE, TARGETS } from "./config";
import type { EditorHtml, HttpFloor } from "./http-floor";
import type { ClosedLoopResult, OpenLoopResult, SingleResult } from "./load";
import type { PageLoadResult } from "./page-load";
import type { ProfileSummary } from "./profile-summary";
import { int, mb, ms, perSec, Table } from "./report";
import type { PhaseTiming } from "./save-phases";
import type { BenchData } from "./setup-db";
import type { Summary } from "./stats";

export interface BenchResults {
  data: BenchData;
  build: BuildInfo;
  phases: PhaseTiming[];
  editorQuery: { ms: number; rows: number; jsonBytes: number };
  floor: HttpFloor[];
  editorHtml: EditorHtml;
  profile: ProfileSummary | null;
  page: PageLoadResult;
  appSingle: SingleResult;
  open: OpenLoopResult;
  appClosed: ClosedLoopResult;
  bare: { single: SingleResult; closed: ClosedLoopResult };
  /** fsync after a 4 KB append on the database's disk, just before the open loop and the bare server's runs. */
  diskBeforeOpen: Summary;
  diskBeforeBare: Summary;
  environment: {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  totalSeconds: number;
}

const errorsOf = (r: { errors: number; conflicts: number; statuses: Record<string, number> }) => {
  const n = r.errors + r.conflicts;
  const detail = Object.entries(r.statuses)
    .map(([status, count]) => `${count}× ${status}`)
    .join(", ");
  return n === 0 ? "0" : `${int(n)} (${detail})`;
};

export function buildTable(r: BenchResults) {
  const t = new Table();
  const nav = r.page.median;
  const ratio = r.appClosed.perSec / r.bare.closed.perSec;

  t.begin(`Document (seed ${DOCUMENT.seed})`);
  t.info("paragraphs (of which list items)", `${int(r.data.segmentIds.length)} (${int(r.data.listItems)})`);
  t.info("source text (UTF-8)", mb(r.data.sourceBytes));

  t.begin(`Editor page in Chromium, median of ${r.page.runs.length} fresh navigations (${r.page.browser})`);
  t.check(
    "navigation → first editable paragraph",
    ms(nav.firstEditableMs),
    `< ${TARGETS.firstEditableMs} ms`,
    nav.firstEditableMs < TARGETS.firstEditableMs,
  );
  t.info("navigation → first translation box on screen (hydrated or not)", ms(nav.firstVisibleMs));
  t.info("time to first byte (server render)", ms(nav.ttfbMs));
  t.info("response end (HTML fully received)", ms(nav.responseEndMs));
  t.info("DOMContentLoaded", ms(nav.domContentLoadedMs));
  t.info("load event", ms(nav.loadMs));
  t.info("HTML transferred (gzip) / decoded", `${mb(nav.htmlTransferBytes)} / ${mb(nav.htmlDecodedBytes)}`);
  t.info("JavaScript transferred", mb(nav.scriptTransferBytes));
  t.info("long tasks before editable (count, longest)", `${int(nav.longTasks)}, ${ms(nav.longestTaskMs)}`);
  t.info(
    "renderer main thread until editable: all / script / layout / style",
    `${ms(nav.mainThreadMs)} / ${ms(nav.scriptMs)} / ${ms(nav.layoutMs)} / ${ms(nav.styleMs)}`,
  );
  t.info("JS heap used after load (after GC)", mb(nav.heapAfterLoadBytes));
  t.info("DOM nodes after load", int(nav.domNodesAfterLoad));
  t.info(
    `JS heap used after scrolling the whole list (${PAGE.scrollSteps} steps, after GC)`,
    `${mb(nav.heapAfterScrollBytes)}${nav.reachedEnd ? "" : " (last paragraph NOT reached)"}`,
  );
  t.info("DOM nodes after scrolling", int(nav.domNodesAfterScroll));

  t.begin("Save latency, one client saving back to back");
  t.info("app: p50 / p99", `${ms(r.appSingle.latency.p50)} / ${ms(r.appSingle.latency.p99)}`);
  t.info("bare server: p50 / p99", `${ms(r.bare.single.latency.p50)} / ${ms(r.bare.single.latency.p99)}`);

  const o = r.open;
  t.begin(
    `Open loop: ${int(OPEN_LOOP.editors)} editors × 1 save / ${OPEN_LOOP.periodMs / 1000} s for ${OPEN_LOOP.durationMs / 1000} s (app)`,
  );
  t.info("offered rate / achieved (200 answers)", `${perSec(o.offeredPerSec)} / ${perSec(o.achievedPerSec)}`);
  t.check("p50 latency", ms(o.latency.p50), `< ${TARGETS.openP50Ms} ms`, o.latency.p50 < TARGETS.openP50Ms);
  t.info("p90 latency", ms(o.latency.p90));
  t.check("p99 latency", ms(o.latency.p99), `< ${TARGETS.openP99Ms} ms`, o.latency.p99 < TARGETS.openP99Ms);
  t.info("max latency", ms(o.latency.max));
  t.check("errors (non-200 answers, network)", errorsOf(o), "0", o.errors + o.conflicts === 0);
  t.info(
    "saves not sent: editor's previous save still pending / unanswered at the end",
    `${int(o.skippedBusy)} / ${int(o.unfinished)}`,
  );
  t.info(
    `sends over ${OPEN_LOOP.lateMs} ms behind schedule (max)`,
    `${int(o.late)} of ${int(o.scheduled)} (${ms(o.maxLateMs)})`,
  );
  t.info(
    "p50 / p99 from the scheduled time (coordinated omission view)",
    `${ms(o.fromSchedule.p50)} / ${ms(o.fromSchedule.p99)}`,
  );
  t.info(
    "server CPU per answered save / server busy / other processes (cores)",
    `${ms(o.cpu.serverMsPerRequest)} / ${o.cpu.serverCores.toFixed(2)} / ${o.cpu.otherCores.toFixed(2)}`,
  );
  t.info(
    "p99 (max) per 2 s of the run, in ms",
    o.windows.map((w) => `${Math.round(w.p99)} (${Math.round(w.max)})`).join(", "),
  );

  t.begin(`Closed loop: ${CLOSED_LOOP.clients} clients saving back to back for ${CLOSED_LOOP.durationMs / 1000} s`);
  t.info("app: saves/s", perSec(r.appClosed.perSec));
  t.info("bare node:http + better-sqlite3 (synchronous = FULL, a commit each): saves/s", perSec(r.bare.closed.perSec));
  t.check("ratio app / bare", ratio.toFixed(3), `≥ ${TARGETS.closedRatio}`, ratio >= TARGETS.closedRatio);
  t.info("app: p50 / p99 latency", `${ms(r.appClosed.latency.p50)} / ${ms(r.appClosed.latency.p99)}`);
  t.info("bare: p50 / p99 latency", `${ms(r.bare.closed.latency.p50)} / ${ms(r.bare.closed.latency.p99)}`);
  const app = r.appClosed.cpu;
  const bare = r.bare.closed.cpu;
  t.info("server CPU per save: app / bare", `${ms(app.serverMsPerRequest)} / ${ms(bare.serverMsPerRequest)}`);
  t.info(
    "CPU per save, bare / app (the ratio by cost, less sensitive to other load)",
    (bare.serverMsPerRequest / app.serverMsPerRequest).toFixed(3),
  );
  t.info("server busy (cores): app / bare", `${app.serverCores.toFixed(2)} / ${bare.serverCores.toFixed(2)}`);
  t.info("load generator CPU per save: app / bare", `${ms(app.clientMsPerRequest)} / ${ms(bare.clientMsPerRequest)}`);
  t.info(
    "other processes on the machine meanwhile (cores): app / bare",
    `${app.otherCores.toFixed(2)} / ${bare.otherCores.toFixed(2)}`,
  );
  t.check(
    "errors: app / bare",
    `${errorsOf(r.appClosed)} / ${errorsOf(r.bare.closed)}`,
    "0",
    r.appClosed.errors + r.appClosed.conflicts + r.bare.closed.errors + r.bare.closed.conflicts === 0,
  );

  t.begin("Diagnosis: one save in-process, no HTTP (median)");
  for (const p of r.phases) t.info(p.name, p.name.includes("(count)") ? int(p.ms) : ms(p.ms));
  t.begin("Diagnosis: one request through Next, one client (median)");
  for (const f of r.floor) t.info(f.name, ms(f.ms));
  t.info("PUT save (from the one-client run above)", ms(r.appSingle.latency.p50));
  t.begin("Diagnosis: the editor page on the server");
  t.info("getDocument + getEditorRows in-process (10,000 rows)", ms(r.editorQuery.ms));
  t.info("rows as JSON", mb(r.editorQuery.jsonBytes));
  t.info("HTML without a browser: first byte / complete", `${ms(r.editorHtml.ttfbMs)} / ${ms(r.editorHtml.totalMs)}`);
  t.info("HTML size (uncompressed)", mb(r.editorHtml.bytes));
  t.info(
    "HTML with gzip: first byte / complete / size",
    `${ms(r.editorHtml.gzipTtfbMs)} / ${ms(r.editorHtml.gzipTotalMs)} / ${mb(r.editorHtml.gzipBytes)}`,
  );
  if (r.profile) {
    t.begin(
      "Diagnosis: app server CPU profile during its closed loop (BENCH_CPU_PROF=1: all numbers above are slowed by it)",
    );
    for (const p of r.profile.byOrigin) t.info(p.name, `${(p.share * 100).toFixed(1)} %`);
    t.begin("Diagnosis: functions with the most self time in that profile");
    for (const p of r.profile.topFunctions) t.info(p.name, `${(p.share * 100).toFixed(1)} %`);
  }

  const e = r.environment;
  t.begin("Run");
  t.info("machine", `${e.cpus} CPUs (${e.cpuModel.trim()}), ${e.memoryGB.toFixed(0)} GB, Node ${e.node}`);
  t.info(
    "load average at start / end (1 min)",
    `${e.loadAverageAtStart[0].toFixed(2)} / ${e.loadAverageAtEnd[0].toFixed(2)}`,
  );
  const fsyncs = [r.diskBeforeOpen, r.diskBeforeBare].map((d) => `${ms(d.p50)} / ${ms(d.p99)} / ${ms(d.max)}`);
  t.info("disk fsync (4 KB append) p50 / p99 / max: before open loop; before bare", fsyncs.join("; "));
  t.info("total time (of which next build)", `${r.totalSeconds.toFixed(0)} s (${r.build.buildSeconds.toFixed(0)} s)`);
  const built = `${r.build.buildId}, built ${r.build.builtAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (r.build.warning) t.check("build served", `${built}: ${r.build.warning}`, "current build", false);
  else t.info("build served", built);

  const notes = diagnose(r, ratio);
  // The raw numbers, without the 10,000 segment ids and the run's credentials.
  const { segmentIds, token, sessionCookie, ...data } = r.data;
  const raw = { ...r, data: { ...data, paragraphs: segmentIds.length } };
  return { table: t, title: "Parallel editor benchmark", notes, raw };
}

function diagnose(r: BenchResults, ratio: number): string[] {
  const notes: string[] = [];
  const nav = r.page.median;
  const inProcess = r.phases.find((p) => p.name.startsWith("actor + saveTranslation"))?.ms ?? Number.NaN;
  const others = [r.open.cpu.otherCores, r.appClosed.cpu.otherCores, r.bare.closed.cpu.otherCores];
  if (r.environment.loadAverageAtStart[0] > 1 || Math.max(...others) > 0.25) {
    notes.push(
      `The machine was not idle: 1-minute load average ${r.environment.loadAverageAtStart[0].toFixed(2)} at the start on ${r.environment.cpus} CPUs, and other processes used ${others.map((c) => c.toFixed(2)).join(" / ")} cores during the open loop / app closed loop / bare closed loop. Numbers taken while others compete for the CPU are pessimistic; the CPU-per-save figures are the least affected.`,
    );
  }
  if (nav.firstEditableMs >= TARGETS.firstEditableMs) {
    notes.push(
      `Page: the first editable paragraph came at ${ms(nav.firstEditableMs)}. The server took ${ms(nav.ttfbMs)} to the first byte (${ms(r.editorHtml.totalMs)} for the whole ${mb(r.editorHtml.bytes)} HTML without a browser; its reads alone, getDocument + getEditorRows for all ${int(r.editorQuery.rows)} rows, take ${ms(r.editorQuery.ms)} in-process). The browser then needed ${ms(nav.firstEditableMs - nav.responseEndMs)} from the last byte to the hydrated first row (${int(nav.longTasks)} long tasks, longest ${ms(nav.longestTaskMs)}; its main thread was busy ${ms(nav.mainThreadMs)} by then, ${ms(nav.scriptMs)} of it running script). Every paragraph is serialised into the page (${mb(nav.htmlDecodedBytes)} of HTML for ${mb(r.data.sourceBytes)} of source) although only about ten rows are on screen.`,
    );
  }
  const capacity = r.appClosed.perSec;
  if (r.open.latency.p50 >= TARGETS.openP50Ms || r.open.latency.p99 >= TARGETS.openP99Ms) {
    notes.push(
      `Open loop: the app's capacity is about ${perSec(capacity)} (closed loop, ${ms(r.appClosed.cpu.serverMsPerRequest)} of server CPU per save) against ${perSec(r.open.offeredPerSec)} offered, so ${capacity < r.open.offeredPerSec ? "the server is saturated and saves queue" : "saves queue behind one another"}: one save alone takes ${ms(r.appSingle.latency.p50)} over HTTP, of which ${ms(inProcess)} is the save code itself in-process. Every commit waits for the disk's fsync (synchronous = FULL): ${ms(r.diskBeforeOpen.p50)} p50, ${ms(r.diskBeforeOpen.p99)} p99 just before the loop, a floor under the saves' latency that no code here lowers.`,
    );
  }
  if (ratio < TARGETS.closedRatio) {
    const phase = (prefix: string) => r.phases.find((p) => p.name.trim().startsWith(prefix))?.ms ?? Number.NaN;
    const cpu = r.appClosed.cpu.serverMsPerRequest;
    notes.push(
      `Closed loop: app ${perSec(capacity)} vs bare ${perSec(r.bare.closed.perSec)} (ratio ${ratio.toFixed(3)}); server CPU per save ${ms(cpu)} in the app against ${ms(r.bare.closed.cpu.serverMsPerRequest)} in the bare server. ` +
        `Of the app's ${ms(cpu)}: the save code run in-process (token → user, one checked UPDATE through Prisma) costs ${ms(inProcess)} for ${int(phase("SQL statements"))} SQL statement(s), of which SQLite executes for ${ms(phase("of which SQLite: execute"))}, so the rest is Prisma's client (the same write with better-sqlite3 directly: ${ms(phase("the same write"))}); ` +
        `the remaining ~${ms(cpu - inProcess)} is HTTP (Node's parser, the socket), JSON and contention.`,
    );
  }
  return notes;
}
