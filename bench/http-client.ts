// One save as the editor makes it: PUT /api/v1/segments/{id}/translations/{lang} with a bearer token,
// over keep-alive connections to 127.0.0.1. Each simulated editor owns its segment and remembers the
// version the last save returned, so saves do not conflict with each other.
import http from "node:http";
import { HOST } from "./config";

export interface SaveTarget {
  port: number;
  token: string;
  lang: string;
}

export interface SaveResult {
  status: number;
  /** Milliseconds from the request being handed to node:http to the last byte of the answer. */
  ms: number;
  /** The version to base the next save on (the saved one, or the current one after a 409). */
  version: number | null;
  /** Why there is no answer (status 0). */
  failure?: "timeout" | "network";
}

export function keepAliveAgent(maxSockets: number) {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: "lifo" });
}

/** A translation a translator might type, different on every save. */
export function translationText(segment: number, save: number): string {
  return `Paragraph ${segment + 1}, draft ${save}: the agency ensures an open, merit-based civil service and reports on its reforms.`;
}

export function save(
  agent: http.Agent,
  target: SaveTarget,
  segmentId: string,
  text: string,
  baseVersion: number,
  timeoutMs = 10_000,
): Promise<SaveResult> {
  // BENCH_SAVE_STATUS=translated: every save a confirm, which also writes the working memory after it is answered.
  const status = process.env.BENCH_SAVE_STATUS;
  const body = JSON.stringify({ text, baseVersion, ...(status ? { status } : {}) });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: HOST,
        port: target.port,
        method: "PUT",
        path: `/api/v1/segments/${encodeURIComponent(segmentId)}/translations/${target.lang}`,
        agent,
        timeout: timeoutMs,
        headers: {
          authorization: `Bearer ${target.token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          accept: "application/json",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - started;
          const status = res.statusCode ?? 0;
          let version: number | null = null;
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
            version = status === 200 ? json.translation.version : (json.error?.current?.version ?? null);
          } catch {
            // Not JSON: counted as an error by the caller.
          }
          resolve({ status, ms, version });
        });
        res.on("error", () =>
          resolve({ status: 0, ms: performance.now() - started, version: null, failure: "network" }),
        );
      },
    );
    let timedOut = false;
    req.on("timeout", () => {
      timedOut = true;
      req.destroy(new Error("timeout"));
    });
    req.on("error", () =>
      resolve({ status: 0, ms: performance.now() - started, version: null, failure: timedOut ? "timeout" : "network" }),
    );
    req.end(body);
  });
}
