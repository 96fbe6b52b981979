// The floor of a request through Next (routes that do little or nothing) and the editor page's HTML
// fetched without a browser: the server's share of a save and of the page load.
import http from "node:http";
import { HOST } from "./config";
import { keepAliveAgent } from "./http-client";
import { median } from "./stats";

function request(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; ttfbMs: number; totalMs: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: HOST, port, path, agent, headers, timeout: 30_000 }, (res) => {
      const ttfbMs = performance.now() - started;
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - started, bytes }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`${path}: timeout`)));
    req.on("error", reject);
  });
}

export interface HttpFloor {
  name: string;
  ms: number;
}

/** One client, one request after another: what a request costs through Next before any real work. */
export async function measureHttpFloor(port: number, token: string, n = 300): Promise<HttpFloor[]> {
  const agent = keepAliveAgent(1);
  const out: HttpFloor[] = [];
  const cases: [string, string, Record<string, string>][] = [
    ["GET /api/v1/nothing-here (404 from Next routing)", "/api/v1/nothing-here", {}],
    ["GET /api/openapi.json (a route that only answers JSON)", "/api/openapi.json", {}],
    ["GET /api/v1/me (the pipeline in Next + token → user)", "/api/v1/me", { authorization: `Bearer ${token}` }],
  ];
  for (const [name, path, headers] of cases) {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = await request(agent, port, path, headers);
      if (i >= n / 5) samples.push(r.totalMs);
    }
    out.push({ name, ms: median(samples) });
  }
  agent.destroy();
  return out;
}

export interface EditorHtml {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  /** The same with Accept-Encoding: gzip, as a browser asks. */
  gzipTtfbMs: number;
  gzipTotalMs: number;
  gzipBytes: number;
}

/** The editor page's HTML fetched without a browser: the server's share of the page load (median of 3). */
export async function measureEditorHtml(
  port: number,
  documentId: string,
  cookie: { name: string; value: string },
): Promise<EditorHtml> {
  const agent = keepAliveAgent(1);
  const fetchHtml = async (headers: Record<string, string>) => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const r = await request(agent, port, `/en/documents/${documentId}?target=en`, {
        cookie: `${cookie.name}=${cookie.value}`,
        ...headers,
      });
      if (r.status !== 200) throw new Error(`editor page: HTTP ${r.status}`);
      runs.push(r);
    }
    return {
      ttfbMs: median(runs.map((r) => r.ttfbMs)),
      totalMs: median(runs.map((r) => r.totalMs)),
      bytes: runs[0].bytes,
    };
  };
  const plain = await fetchHtml({});
  const gzip = await fetchHtml({ "accept-encoding": "gzip" });
  agent.destroy();
  return { ...plain, gzipTtfbMs: gzip.ttfbMs, gzipTotalMs: gzip.totalMs, gzipBytes: gzip.bytes };
}
