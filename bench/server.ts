// Child processes of the run: the production Next server and the bare server. Each is started in a
// process group of its own and stopped by that group's id, on success, on error and on Ctrl+C.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { HOST, ROOT } from "./config";
import { sleep } from "./stats";

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Synchronous last resort, for process exit. */
export function killAllChildren() {
  for (const child of running) killGroup(child, "SIGKILL");
}

export async function stopChild(child: ChildProcess, graceMs = 5_000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, HOST);
  });
}

/** Starts `node args…` with its output in `logFile`. */
export function startNode(args: string[], env: Record<string, string>, logFile: string, cwd = ROOT): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

/** Polls `url` until it answers below 500, the child dies or `timeoutMs` passes. */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the server exited early`);
    const status = await get(url);
    if (status > 0 && status < 500) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The production server (scripts/serve-only.ts, as npm start serves) for the build in `appDir`, in one
 * process (tsx as a loader, so the CPU accounting reads the server's own pid); resolves once GET /en answers.
 */
export async function startApp(
  appDir: string,
  port: number,
  databaseUrl: string,
  logFile: string,
): Promise<ChildProcess> {
  if (!(await portIsFree(port))) throw new Error(`port ${port} is in use (set BENCH_PORT to another)`);
  const extra =
    process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${path.dirname(logFile)}/prof`] : [];
  const child = startNode(
    [...extra, "--import", "tsx", path.join(ROOT, "scripts", "serve-only.ts")],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PARALLEL_APP_DIR: appDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The bench drives hundreds of clients with one token: the per-token limit would refuse them.
      PARALLEL_TOKEN_RATE_PER_MINUTE: "0",
    },
    logFile,
    ROOT,
  );
  await waitForUrl(`http://${HOST}:${port}/en`, child, 60_000);
  return child;
}

/** CPU time (user + system) a process has used so far, from /proc; NaN where there is no /proc. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU time all processes have used so far (every core), from /proc/stat; NaN where there is no /proc. */
export function machineBusyMs(): number {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    // cpu user nice system idle iowait irq softirq steal …, in clock ticks.
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** A run that kills its children on Ctrl+C and on exit, and stops itself after `deadlineMs`. */
export function guardRun(name: string, deadlineMs: number) {
  const deadline = setTimeout(() => {
    console.error(`${name}: still running after ${deadlineMs / 60_000} minutes: stopping.`);
    killAllChildren();
    process.exit(2);
  }, deadlineMs);
  deadline.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
  process.on("exit", killAllChildren);
}
