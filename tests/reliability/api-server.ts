// Every endpoint of the registry (lib/api/endpoints/index.ts) over real HTTP in this process, as
// the production server answers its direct saves (lib/server/node-route.ts): the same pipeline,
// routed by each endpoint's declared path. A new endpoint in the registry is served here at once.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Endpoint } from "../../lib/api/endpoint";
import { endpoints } from "../../lib/api/endpoints";
import { pathMatcher } from "../../lib/api/path-template";
import { setSecurityHeaders } from "../../lib/http/security-headers";
import { answerNode } from "../../lib/server/node-route";

/** Marks answers of this harness itself (no endpoint matched), not of the app. */
export const UNROUTED = "x-test-unrouted";

export interface ApiServer {
  base: string;
  close(): Promise<void>;
}

export async function startApiServer(list: readonly Endpoint[] = endpoints): Promise<ApiServer> {
  const routes = list.map((endpoint) => ({ endpoint, match: pathMatcher(endpoint.path) }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const { endpoint, match } of routes) {
      const params = req.method === endpoint.method ? match(req.url) : null;
      if (!params) continue;
      answerNode(endpoint, req, res, params).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    // As the production server answers a path no endpoint takes (Next's 404, with the headers).
    setSecurityHeaders(res);
    res.setHeader(UNROUTED, "1");
    res.statusCode = 404;
    res.end();
  });
  // As the production server keeps them (lib/server/serve.ts): with Node's 5 s default, a client's
  // pooled connection can be closed by the server just as the client sends on it (ECONNRESET), which
  // under a loaded machine's event-loop stalls failed the race suite.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the suite reads whatever shape a route answered with.
export type Answer = { status: number; headers: Headers; json: any; text: string };

const UNAVAILABLE_TRIES = 5;

export interface ClientOptions {
  /**
   * Send a 503 again after its Retry-After, up to 5 times, as the editor's outbox does (the race
   * suite's writers); off, the 503 is the answer (the disk test wants it).
   */
  retryUnavailable?: boolean;
}

/** Requests to one server, with a bearer token; JSON bodies are serialised, FormData sent as multipart. */
export interface ApiClient {
  base: string;
  send(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** How many 503s this client has sent again. */
  readonly sentAgain: number;
}

export function apiClient(base: string, options: ClientOptions = {}): ApiClient {
  let sentAgain = 0;
  const clientSend: ApiClient["send"] = async (method, path, token, body, headers = {}) => {
    const h = new Headers(headers);
    if (token) h.set("authorization", `Bearer ${token}`);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === "string") payload = body;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !(body instanceof FormData) && !h.has("content-type"))
      h.set("content-type", "application/json");
    let res = await fetch(`${base}${path}`, { method, headers: h, body: payload });
    // A 503 "unavailable" wrote nothing (the database too busy: a conflict every time, or no connection
    // in time); the editor's outbox sends it again after Retry-After, and so do these clients.
    for (let tries = 1; options.retryUnavailable && res.status === 503 && tries <= UNAVAILABLE_TRIES; tries++) {
      const wait = Number(res.headers.get("retry-after"));
      await res.body?.cancel();
      sentAgain++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(wait) ? wait : 1, 5) * 1_000));
      res = await fetch(`${base}${path}`, { method, headers: h, body: payload });
    }
    // An event stream that opened never ends by itself: its status and headers are the answer.
    if (res.ok && res.headers.get("content-type")?.startsWith("text/event-stream")) {
      await res.body?.cancel();
      return { status: res.status, headers: res.headers, json: null, text: "" };
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    base,
    send: clientSend,
    get sentAgain() {
      return sentAgain;
    },
  };
}

/** One request to `base`, a 503 being the answer (apiClient's options off). */
export function send(base: string, ...request: Parameters<ApiClient["send"]>): Promise<Answer> {
  return apiClient(base).send(...request);
}
