// The translation save answered straight from Node's http objects, for the production server
// (scripts/serve.ts). Translators save every second or two, and building Web Request/Response
// objects around a save cost more than the save itself; this does what apiRoute (lib/api/handler.ts)
// does for the Next route, with the same functions: who is asking, the cross-site check, the body
// limit, the translated errors, no caching.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  assertSameSite,
  errorAnswer,
  type HeaderSource,
  parseJsonBody,
  readBodyBytes,
  requestLng,
} from "../api/handler";
import { saveTranslationRequest } from "../api/save-translation";
import { actorFromAuthorization, actorFromHeaders } from "../auth/actor";
import { getDb } from "../db/client";
import { AppError } from "../errors";

const SAVE_PATH = /^\/api\/v1\/segments\/([^/?#]+)\/translations\/([^/?#]+)\/?$/;

/** The segment and language when the request is a save; null for anything else (Next answers it). */
function matchSave(method: string | undefined, url: string | undefined) {
  if (method !== "PUT") return null;
  const match = SAVE_PATH.exec((url ?? "/").split("?")[0]);
  if (!match) return null;
  try {
    return { segmentId: decodeURIComponent(match[1]), lang: decodeURIComponent(match[2]) };
  } catch {
    return null; // a malformed %-escape: Next answers it as it answers any path it cannot route
  }
}

/**
 * The production server's request listener: saves answered here, everything else by `next` (Next's
 * request handler). A save that fails unexpectedly gets a bare 500, never a hanging socket.
 */
export function saveOrNext(next: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const save = matchSave(req.method, req.url);
    if (!save) {
      void next(req, res);
      return;
    }
    answerSave(req, res, save).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

export async function answerSave(
  req: IncomingMessage,
  res: ServerResponse,
  params: { segmentId: string; lang: string },
): Promise<void> {
  const headers: HeaderSource = { get: (name) => headerValue(req, name) };
  const lng = requestLng(headers);
  let status = 200;
  let body: unknown;
  let retryAfter: number | undefined;
  try {
    const db = getDb();
    const authorization = req.headers.authorization;
    const actor = authorization
      ? await actorFromAuthorization(db, authorization)
      : await actorFromHeaders(db, webHeaders(req));
    if (!actor) throw new AppError("unauthenticated");
    assertSameSite(req.method ?? "PUT", headers, actor, "");
    body = await saveTranslationRequest(
      db,
      actor,
      params,
      parseJsonBody(await readBodyBytes(req, req.headers["content-length"])),
    );
  } catch (error) {
    ({ status, body, retryAfter } = errorAnswer(error, lng));
  }
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", Buffer.byteLength(payload));
  if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
  res.end(payload);
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
