// With BENCH_CPU_PROF=1 the app server runs with --cpu-prof; this sums the samples taken during the
// app's closed loop (saves only) by where the code comes from (Prisma, SQLite, Next, Node's http and
// async hooks, garbage collection…). Profiles time samples on the monotonic clock, as hrtime does.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  /** Of the busy time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  /** Busy time by where the code comes from. */
  byOrigin: ProfileShare[];
  /** The functions with the most self time. */
  topFunctions: ProfileShare[];
}

function category(functionName: string, url: string): string | null {
  if (functionName === "(idle)") return null;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (url.startsWith("wasm://")) return "Prisma query compiler (wasm)";
  if (url.includes("better-sqlite3") || functionName === "performIO" || functionName === "executeIO")
    return "SQLite via better-sqlite3 (prepare, execute)";
  if (url.includes("@prisma/")) return "Prisma client runtime";
  if (url.includes("node_modules/next/") || url.includes("[turbopack]_runtime"))
    return "Next.js server and Turbopack runtime";
  if (url.includes("/.next/server/")) return "app code and bundled libraries (.next/server chunks)";
  if (url.startsWith("node:")) {
    if (url.includes("async_hooks") || url.includes("async_context")) return "Node async_hooks (AsyncLocalStorage)";
    return "Node internals (http, streams, timers…)";
  }
  if (url === "") return "native (socket writes, microtask queue, V8)";
  return "other JavaScript";
}

export function summarizeProfiles(dir: string, window: { startUs: number; endUs: number }): ProfileSummary | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return null;
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      at += dt;
      if (at < window.startUs || at > window.endUs) return;
      const frame = byId.get(id);
      const name = frame ? category(frame.functionName, frame.url) : null;
      if (!name) return;
      busy += dt;
      totals.set(name, (totals.get(name) ?? 0) + dt);
      const fn = `${frame!.functionName || "(anonymous)"} (${path.basename(frame!.url) || "native"})`;
      functions.set(fn, (functions.get(fn) ?? 0) + dt);
    });
  }
  const shares = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, share: us / Math.max(1, busy) }));
  return { byOrigin: shares(totals), topFunctions: shares(functions).slice(0, 12) };
}
