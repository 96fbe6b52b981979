// Save load against a server (the app or the bare one): one client in a row, an open loop of editors
// saving on a fixed schedule, and a closed loop of clients saving back to back. Every loop stops at a
// count and at a time, whichever comes first.

import { prng } from "./generate-document";
import { keepAliveAgent, type SaveResult, type SaveTarget, save, translationText } from "./http-client";
import { machineBusyMs, processCpuMs } from "./server";
import { type Summary, sleep, summarize } from "./stats";

/** A server under test and the versions its segments are at (each client owns its segments). */
export interface Server extends SaveTarget {
  name: string;
  /** The server's process, for its CPU time. */
  pid?: number;
  /**
   * Several instances of one app (bench/pg.ts): segment i is saved through ports[i % n], so each
   * editor or client keeps to one instance; their processes' CPU time is added up.
   */
  ports?: number[];
  pids?: number[];
  segmentIds: string[];
  versions: Map<string, number>;
}

interface Counts {
  ok: number;
  conflicts: number;
  errors: number;
  /** The first few non-200 answers, for the report. */
  statuses: Record<string, number>;
}

const newCounts = (): Counts => ({ ok: 0, conflicts: 0, errors: 0, statuses: {} });

function count(counts: Counts, r: SaveResult) {
  if (r.status === 200) counts.ok++;
  else {
    if (r.status === 409) counts.conflicts++;
    else counts.errors++;
    const key = r.failure ?? String(r.status);
    counts.statuses[key] = (counts.statuses[key] ?? 0) + 1;
  }
}

/** CPU used by the server process, by this process (the load generator) and by the rest, while a loop runs. */
export interface CpuUse {
  /** Server CPU milliseconds per answered request. */
  serverMsPerRequest: number;
  /** Server CPU time over wall time: 1 is one core fully busy. */
  serverCores: number;
  /** This process's CPU milliseconds per answered request. */
  clientMsPerRequest: number;
  /** Cores busy with anything else on the machine (other people's builds and tests, say). */
  otherCores: number;
}

function cpuMeter(pid: number | undefined | number[]) {
  const pids = Array.isArray(pid) ? pid : [pid];
  const serverCpuMs = (): number => pids.reduce<number>((sum, p) => sum + processCpuMs(p), 0);
  const wall = performance.now();
  const server = serverCpuMs();
  const client = process.cpuUsage();
  const machine = machineBusyMs();
  return (requests: number): CpuUse => {
    const seconds = (performance.now() - wall) / 1000;
    const serverMs = serverCpuMs() - server;
    const used = process.cpuUsage(client);
    const clientMs = (used.user + used.system) / 1000;
    const n = Math.max(1, requests);
    return {
      serverMsPerRequest: serverMs / n,
      serverCores: serverMs / 1000 / seconds,
      clientMsPerRequest: clientMs / n,
      otherCores: Math.max(0, (machineBusyMs() - machine - serverMs - clientMs) / 1000 / seconds),
    };
  };
}

/** One save of `segment` (by index), remembering the version it leaves the segment at. */
async function saveOne(agent: ReturnType<typeof keepAliveAgent>, server: Server, segment: number, n: number) {
  const id = server.segmentIds[segment];
  const target = server.ports ? { ...server, port: server.ports[segment % server.ports.length] } : server;
  const result = await save(agent, target, id, translationText(segment, n), server.versions.get(id) ?? 0);
  if (result.version !== null) server.versions.set(id, result.version);
  return result;
}

export interface SingleResult extends Counts {
  latency: Summary;
}

/** One client, one save after another, on one segment. */
export async function singleClient(
  server: Server,
  segment: number,
  opts: { warmup: number; saves: number; maxMs: number },
): Promise<SingleResult> {
  const agent = keepAliveAgent(1);
  const counts = newCounts();
  const ms: number[] = [];
  const deadline = performance.now() + opts.maxMs;
  for (let i = 0; i < opts.warmup + opts.saves && performance.now() < deadline; i++) {
    const r = await saveOne(agent, server, segment, i);
    if (i < opts.warmup) continue;
    count(counts, r);
    if (r.status === 200) ms.push(r.ms);
  }
  agent.destroy();
  return { ...counts, latency: summarize(ms) };
}

export interface OpenLoopOptions {
  editors: number;
  periodMs: number;
  durationMs: number;
  maxSockets: number;
  /** A send this much later than its scheduled time counts as late. */
  lateMs: number;
  /** Segments used: firstSegment … firstSegment + editors − 1. */
  firstSegment: number;
  seed: number;
}

export interface OpenLoopResult extends Counts {
  scheduled: number;
  sent: number;
  /** Scheduled saves not sent because the editor's previous save had not come back yet. */
  skippedBusy: number;
  /** Sends that left more than lateMs after their scheduled time (the generator fell behind). */
  late: number;
  maxLateMs: number;
  /** Saves still unanswered when the drain time ran out. */
  unfinished: number;
  offeredPerSec: number;
  achievedPerSec: number;
  /** From the send to the answer. */
  latency: Summary;
  /** From the scheduled time to the answer (includes generator lateness: the coordinated-omission view). */
  fromSchedule: Summary;
  /** Latency p99 / max of the saves sent in each 2-second window: where in the run the slow ones are. */
  windows: { fromS: number; count: number; p99: number; max: number }[];
  cpu: CpuUse;
}

const WINDOW_MS = 2_000;

/**
 * `editors` editors, each saving its own segment once every `periodMs` at a random phase, for
 * `durationMs`: sends happen at their scheduled times whether or not earlier saves have come back.
 */
export async function openLoop(server: Server, o: OpenLoopOptions): Promise<OpenLoopResult> {
  const rand = prng(o.seed);
  const schedule: { at: number; editor: number; n: number }[] = [];
  for (let e = 0; e < o.editors; e++) {
    const phase = rand() * o.periodMs;
    for (let n = 0, at = phase; at < o.durationMs; n++, at += o.periodMs) schedule.push({ at, editor: e, n });
  }
  schedule.sort((a, b) => a.at - b.at);

  const agent = keepAliveAgent(o.maxSockets);
  const counts = newCounts();
  const busy = new Uint8Array(o.editors);
  const latency: number[] = [];
  const fromSchedule: number[] = [];
  const byWindow: number[][] = Array.from({ length: Math.ceil(o.durationMs / WINDOW_MS) }, () => []);
  let sent = 0;
  let skippedBusy = 0;
  let late = 0;
  let maxLateMs = 0;
  let inFlight = 0;

  const cpu = cpuMeter(server.pids ?? server.pid);
  const start = performance.now() + 20;
  const fire = (item: (typeof schedule)[number], now: number) => {
    const lateBy = now - item.at;
    if (lateBy > o.lateMs) late++;
    maxLateMs = Math.max(maxLateMs, lateBy);
    if (busy[item.editor]) {
      skippedBusy++;
      return;
    }
    busy[item.editor] = 1;
    inFlight++;
    sent++;
    void saveOne(agent, server, o.firstSegment + item.editor, item.n + 1).then((r) => {
      busy[item.editor] = 0;
      inFlight--;
      count(counts, r);
      if (r.status === 200) {
        latency.push(r.ms);
        byWindow[Math.min(byWindow.length - 1, Math.floor(item.at / WINDOW_MS))].push(r.ms);
        fromSchedule.push(performance.now() - start - item.at);
      }
    });
  };

  let next = 0;
  await new Promise<void>((resolve) => {
    const hardStop = start + o.durationMs + 5_000;
    const tick = () => {
      const now = performance.now();
      while (next < schedule.length && schedule[next].at <= now - start) fire(schedule[next++], now - start);
      if (next >= schedule.length || now > hardStop) return resolve();
      setTimeout(tick, Math.max(0, schedule[next].at - (performance.now() - start)));
    };
    setTimeout(tick, 20);
  });
  const drainUntil = performance.now() + 15_000;
  while (inFlight > 0 && performance.now() < drainUntil) await sleep(20);
  const unfinished = inFlight;
  const cpuUse = cpu(counts.ok + counts.conflicts + counts.errors);
  agent.destroy();

  const seconds = o.durationMs / 1000;
  return {
    ...counts,
    scheduled: schedule.length,
    sent,
    skippedBusy,
    late,
    maxLateMs,
    unfinished,
    offeredPerSec: schedule.length / seconds,
    achievedPerSec: counts.ok / seconds,
    latency: summarize(latency),
    fromSchedule: summarize(fromSchedule),
    windows: byWindow.map((w, i) => {
      const s = summarize(w);
      return { fromS: (i * WINDOW_MS) / 1000, count: s.count, p99: s.p99, max: s.max };
    }),
    cpu: cpuUse,
  };
}

export interface ClosedLoopOptions {
  clients: number;
  warmupMs: number;
  durationMs: number;
  maxSaves: number;
  firstSegment: number;
}

export interface ClosedLoopResult extends Counts {
  perSec: number;
  seconds: number;
  latency: Summary;
  cpu: CpuUse;
  /** When the measured part ran, in µs of the monotonic clock (the one CPU profiles use). */
  window: { startUs: number; endUs: number };
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** `clients` clients, each on its own segment and connection, saving back to back. */
export async function closedLoop(server: Server, o: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const agent = keepAliveAgent(o.clients);
  const run = async (ms: number, record: boolean) => {
    const counts = newCounts();
    const latency: number[] = [];
    let total = 0;
    const cpu = cpuMeter(server.pids ?? server.pid);
    const startUs = monotonicUs();
    const started = performance.now();
    const end = started + ms;
    const client = async (c: number) => {
      for (let n = 0; performance.now() < end && total < o.maxSaves; n++) {
        total++;
        const r = await saveOne(agent, server, o.firstSegment + c, n);
        if (!record) continue;
        count(counts, r);
        if (r.status === 200) latency.push(r.ms);
      }
    };
    await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
    const seconds = (performance.now() - started) / 1000;
    const cpuUse = cpu(total);
    const window = { startUs, endUs: monotonicUs() };
    return { ...counts, perSec: counts.ok / seconds, seconds, latency: summarize(latency), cpu: cpuUse, window };
  };
  await run(o.warmupMs, false);
  const result = await run(o.durationMs, true);
  agent.destroy();
  return result;
}
