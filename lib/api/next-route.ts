// The Next adapter of the request pipeline: app/api/v1/**/route.ts exports `nextRoute(endpoint)`
// for each method, and nothing else happens in a route file.
import type { Lng } from "../i18n/settings";
import type { Endpoint } from "./endpoint";
import { type ApiAnswer, errorToAnswer, handle } from "./pipeline";

/** Next passes `{ params: Promise<…> }`; a route without dynamic segments gets `{}`. */
export type RouteContext = { params: Promise<object> };

export function nextRoute(endpoint: Endpoint) {
  const route = async (req: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(req.url);
    const params = (await context?.params) ?? {};
    const request = {
      method: req.method,
      url,
      headers: req.headers,
      webHeaders: () => req.headers,
      body: req.body as AsyncIterable<Uint8Array> | null,
      host: url.host,
      signal: req.signal,
    };
    return toResponse(await handle(endpoint, request, params));
  };
  // The route test reads which endpoint a route file serves.
  return Object.assign(route, { endpoint });
}

export function toResponse(answer: ApiAnswer): Response {
  const { status, headers, body } = answer;
  if ("json" in body) return new Response(JSON.stringify(body.json), { status, headers });
  const raw = body.raw;
  const stream =
    typeof raw === "string" || raw instanceof Uint8Array || raw instanceof ReadableStream ? raw : toReadableStream(raw);
  return new Response(stream as BodyInit, { status, headers });
}

/** An error as a Response (for code that answers outside an endpoint). */
export function errorResponse(error: unknown, lng: Lng): Response {
  return toResponse(errorToAnswer(error, lng));
}

/** An async iterable as a web stream that reads only as fast as the client takes it. */
export function toReadableStream(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
