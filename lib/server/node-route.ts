// The production server's adapter of the request pipeline: an endpoint answered straight from
// Node's http objects. Building Web Request/Response objects around a save cost more than the
// save itself; everything else about the request is the pipeline's (lib/api/pipeline.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Endpoint } from "../api/endpoint";
import type { HeaderSource } from "../api/handler";
import { handle } from "../api/pipeline";

export async function answerNode(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse, params: object) {
  const headers: HeaderSource = { get: (name) => headerValue(req, name) };
  let url: URL | undefined;
  let closed: AbortController | undefined;
  const answer = await handle(
    endpoint,
    {
      method: req.method ?? "GET",
      // Only endpoints that read their query need it parsed.
      get url() {
        url ??= new URL(req.url ?? "/", "http://localhost");
        return url;
      },
      headers,
      webHeaders: () => webHeaders(req),
      body: req,
      // Node's request has no URL host of its own: Origin is compared with the Host header alone.
      host: "",
      // Only a stream asks when its caller goes away; a save makes no controller at all.
      get signal() {
        if (!closed) {
          const controller = new AbortController();
          closed = controller;
          if (res.destroyed) controller.abort();
          else res.once("close", () => controller.abort());
        }
        return closed.signal;
      },
    },
    params,
  );
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  const { body } = answer;
  if ("json" in body) {
    const payload = JSON.stringify(body.json);
    res.setHeader("Content-Length", Buffer.byteLength(payload));
    res.end(payload);
  } else if (typeof body.raw === "string" || body.raw instanceof Uint8Array) {
    res.end(body.raw);
  } else {
    const raw = body.raw;
    try {
      await pipeline(raw instanceof ReadableStream ? Readable.fromWeb(raw as never) : Readable.from(raw), res);
    } catch (error) {
      // The caller went away mid-answer (a closed tab ends its event stream so): nothing to report.
      if ((error as { code?: string }).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
    }
  }
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** For the session cookie, which better-auth reads from a Web Headers. */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
