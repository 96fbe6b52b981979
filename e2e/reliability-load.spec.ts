// Issue 18, load: LOAD_CLIENTS editors (20 for 10 s in CI; 100 for 5 minutes in the soak) against the
// production server, each saving its paragraph, reading what the editor's side panels read for it (its
// memory matches and its glossary terms) and now and then the quality report. No errors (every answer
// a 200 or a 409 the client merges); p50/p99 per interval and the server's RSS at the start, at the end
// of every interval and at the end are printed and recorded for docs/reliability.md, not asserted.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { size } from "../tests/reliability/config";
import { recordResult } from "../tests/reliability/report";
import { prepareServerWorld, ServerProcess } from "../tests/reliability/server-process";

const CLIENTS = size("LOAD_CLIENTS", 20, 100);
const SECONDS = size("LOAD_SECONDS", 10, 300);
const INTERVAL_MS = SECONDS >= 120 ? 60_000 : 5_000;
const PORT = Number(process.env.CRASH_PORT || Number(process.env.E2E_PORT || 3210) + 352) + 1;
const DIR = path.resolve(".e2e", "load");
const FILE = path.join(DIR, "load.db");
const server = new ServerProcess(PORT, FILE, { PARALLEL_TOKEN_RATE_PER_MINUTE: "0" });
test.afterAll(() => server.kill9());

const READS = [
  (segmentId: string) => `/api/v1/segments/${segmentId}/matches?target=en`,
  (segmentId: string) => `/api/v1/segments/${segmentId}/terms`,
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

test(`${CLIENTS} editors for ${SECONDS} s: no errors; latency and memory reported`, async () => {
  test.setTimeout(SECONDS * 1000 + 180_000);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const world = prepareServerWorld(FILE);
  await server.start();
  const rssStart = server.rssMb();
  const started = Date.now();
  const buckets: number[][] = [];
  const errors: string[] = [];
  let requests = 0;
  // The server's memory at the end of each interval: whether it levels off or keeps growing.
  const rssEach: number[] = [];
  const sampler = setInterval(() => rssEach.push(Math.round(server.rssMb())), INTERVAL_MS);

  async function timed(method: string, url: string, body?: unknown) {
    const t = performance.now();
    const res = await fetch(`${server.base}${url}`, {
      method,
      headers: { authorization: `Bearer ${world.translator}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    const bucket = Math.floor((Date.now() - started) / INTERVAL_MS);
    buckets[bucket] ??= [];
    buckets[bucket].push(performance.now() - t);
    requests++;
    if (res.status !== 200 && res.status !== 409) errors.push(`${method} ${url} ${res.status}`);
    return { status: res.status, json };
  }

  const client = async (n: number) => {
    const segmentId = world.segmentIds[n % world.segmentIds.length];
    let version = 0;
    for (let k = 0; Date.now() - started < SECONDS * 1000; k++) {
      const saved = await timed("PUT", `/api/v1/segments/${segmentId}/translations/en`, {
        text: `Editor ${n}, edit ${k}`,
        baseVersion: version,
      });
      version =
        saved.status === 200 ? saved.json.translation.version : (saved.json?.error?.current?.version ?? version);
      for (const read of READS) await timed("GET", read(segmentId));
      if (k % 10 === 0) await timed("GET", `/api/v1/documents/${world.documentId}/quality?target=en`);
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  clearInterval(sampler);
  const rssEnd = server.rssMb();
  await server.kill9();

  const perInterval = buckets.map((b) => {
    const sorted = [...b].sort((x, y) => x - y);
    return { requests: b.length, p50: Math.round(quantile(sorted, 0.5)), p99: Math.round(quantile(sorted, 0.99)) };
  });
  console.log(
    `load: ${requests} requests, ${errors.length} errors, RSS ${rssStart.toFixed(0)} → ${rssEach.join(" → ")} → ${rssEnd.toFixed(0)} MB`,
  );
  console.table(perInterval);
  recordResult({
    property: `Load: ${CLIENTS} editors saving and reading for ${SECONDS} s, no errors`,
    test: "e2e/reliability-load.spec.ts",
    figures: {
      requests,
      errors: errors.length,
      [`p99 ms per ${INTERVAL_MS / 1000} s`]: perInterval.map((b) => b.p99),
      rssStartMb: Math.round(rssStart),
      [`rssMb per ${INTERVAL_MS / 1000} s`]: rssEach,
      rssEndMb: Math.round(rssEnd),
    },
  });
  expect(errors.slice(0, 10)).toEqual([]);
  expect(requests).toBeGreaterThan(CLIENTS);
});
