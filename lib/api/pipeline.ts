// The one request pipeline of /api/v1, whichever server carries the request (next-route.ts for
// Next, lib/server/node-route.ts for the production server's direct save path): the caller's
// language, who is asking, the same-site check for cookie writes, the JSON body within its limit,
// the handler, and the answer, translated errors included, never cacheable, with the security
// headers (lib/http/security-headers.ts).
import { type Actor, actorFromAuthorization, actorFromHeaders, signedIn } from "../auth/actor";
import { getDb } from "../db/client";
import { securityHeaders } from "../http/security-headers";
import type { Lng } from "../i18n/settings";
import { ApiReply, type ApiRequest, type Endpoint, type RawBody, type ApiReply as Reply } from "./endpoint";
import { assertSameSite, errorAnswer, parseJsonBody, readBodyBytes, requestLng } from "./handler";

/** What the transport writes back. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: { json: unknown } | { raw: RawBody };
}

const NO_STORE = "no-store";

function actorOf(db: ReturnType<typeof getDb>, request: ApiRequest) {
  const authorization = request.headers.get("authorization");
  // A bearer token needs no Web Headers; only the session cookie does (better-auth reads one).
  return authorization ? actorFromAuthorization(db, authorization) : actorFromHeaders(db, request.webHeaders());
}

export async function handle(endpoint: Endpoint, request: ApiRequest, params: object): Promise<ApiAnswer> {
  const lng = requestLng(request.headers);
  try {
    const db = getDb();
    const found = await actorOf(db, request);
    const actor = endpoint.anonymous ? found : signedIn(found);
    // Without a signed-in caller there is no cookie to abuse from another site.
    if (actor) assertSameSite(request.method, request.headers, actor, request.host);
    const body =
      endpoint.body && "json" in endpoint.body
        ? parseJsonBody(await readBodyBytes(request.body, request.headers.get("content-length")))
        : undefined;
    const result = await endpoint.handler({
      db,
      actor: actor as Actor,
      params: params as Record<string, unknown>,
      get query() {
        return request.url.searchParams;
      },
      body,
      lng,
      request,
    });
    return result instanceof ApiReply ? fromReply(result) : jsonAnswer(200, result);
  } catch (error) {
    return errorToAnswer(error, lng, endpoint);
  }
}

/** An error as the caller is told it: translated, with Retry-After when they must wait. */
export function errorToAnswer(error: unknown, lng: Lng, endpoint?: Endpoint): ApiAnswer {
  const answer = endpoint?.errorAnswer?.(error, lng) ?? errorAnswer(error, lng);
  const out = jsonAnswer(answer.status, answer.body);
  if (answer.retryAfter !== undefined) out.headers["Retry-After"] = String(answer.retryAfter);
  return out;
}

function jsonAnswer(status: number, json: unknown): ApiAnswer {
  return {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": NO_STORE, ...securityHeaders() },
    body: { json },
  };
}

function fromReply(reply: Reply): ApiAnswer {
  if ("json" in reply.body) {
    const answer = jsonAnswer(reply.status, reply.body.json);
    Object.assign(answer.headers, reply.headers);
    return answer;
  }
  // An answer may add to no-store (a stream's no-transform), never weaken it.
  const cache = reply.headers["Cache-Control"]?.startsWith(NO_STORE) ? reply.headers["Cache-Control"] : NO_STORE;
  return {
    status: reply.status,
    headers: { ...reply.headers, "Cache-Control": cache, ...securityHeaders() },
    body: reply.body,
  };
}
