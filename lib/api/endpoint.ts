// What a route of /api/v1 is, declared once: its method and path, the zod schemas of its path
// parameters, query, body and answer, the refusals it can give, and the handler. The pipeline
// (pipeline.ts) runs it the same way whichever server carries the request; the OpenAPI description
// (openapi.ts) is written from the same declaration. docs/architecture.md has the recipe.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { Lng } from "../i18n/settings";
import type { ErrorAnswer, HeaderSource } from "./handler";

export type HttpMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE";

/** A request as every transport hands it over (a Web Request in Next, Node's IncomingMessage). */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: HeaderSource;
  /** The headers as a Web Headers, built only when needed (better-auth reads the session cookie from one). */
  webHeaders(): Headers;
  body: AsyncIterable<Uint8Array> | null;
  /** The host to compare Origin with when there is no Host header. */
  host: string;
  /** Aborts when the caller goes away (given by the Next adapter), so waiting work can stop. */
  signal?: AbortSignal;
}

export type RawBody = string | Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** An answer other than "200 with this JSON": another status, or a file. `T` is its JSON's type. */
export class ApiReply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: { readonly json: T } | { readonly raw: RawBody },
    readonly headers: Record<string, string> = {},
  ) {}
}

/** 201 with this JSON (checked against the endpoint's response schema like a plain answer). */
export const created = <T>(json: T) => new ApiReply<T>(201, { json });
export const file = (raw: RawBody, headers: Record<string, string>) => new ApiReply<never>(200, { raw }, headers);
/** 303 to a page of the app (a browser's form that must show an error in the page, not as JSON). */
export const seeOther = (location: string) => new ApiReply<never>(303, { raw: "" }, { Location: location });

/** Refusals an operation documents besides 401 and 500, which every one can give. */
export type Refusal = 400 | 403 | 404 | 409 | 413 | 429;

export interface EndpointContext<P, A = Actor> {
  db: Db;
  /** Who is asking; null only in an endpoint declared `anonymous: true`. */
  actor: A;
  params: P;
  query: URLSearchParams;
  /** A JSON body (endpoints with `body.json`), as sent: the domain function parses it with that schema. */
  body: unknown;
  lng: Lng;
  request: ApiRequest;
}

type AnySchema = z.ZodType;
type ObjectSchema = z.ZodObject;

export interface EndpointSpec<P extends ObjectSchema, R extends AnySchema, Anon extends boolean = false> {
  method: HttpMethod;
  /** OpenAPI-style, e.g. "/api/v1/segments/{segmentId}/translations/{lang}"; the app/api folder must match. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The path parameters (strings, as routed; describe each with .describe()). */
  params?: P;
  /** Documented query parameters; the handler reads ctx.query. */
  query?: ObjectSchema;
  /** JSON bodies are read (up to MAX_BODY_BYTES) before the handler runs; multipart the handler reads itself. */
  body?: { json: AnySchema } | { multipart: ObjectSchema };
  /** The JSON answer and its status (200 unless given). */
  response?: { status?: 200 | 201; schema: R; description: string };
  /** File answers instead of JSON: content type → what it is. */
  files?: { description: string; types: Record<string, string>; headers?: Record<string, string> };
  refusals: Refusal[];
  /** A 409 answer of its own (a source edit's conflict carries the source, not a translation). */
  conflict?: { schema: AnySchema; description: string };
  /**
   * Open to callers who are not signed in (the handler's actor may be null; nothing is described as
   * needing credentials). Everything else refuses them with 401 before the handler runs.
   */
  anonymous?: Anon;
  /** An answer of its own for some errors (the import's detailed refusals); null to use the usual one. */
  errorAnswer?: (error: unknown, lng: Lng) => ErrorAnswer | null;
  handler: (
    ctx: EndpointContext<z.output<P>, Anon extends true ? Actor | null : Actor>,
  ) => Promise<z.input<R> | ApiReply<z.input<R>>>;
}

export type Endpoint = EndpointSpec<ObjectSchema, AnySchema, boolean>;

/** Declares an endpoint; the types of its handler's params, actor and answer follow from the declaration. */
export function defineEndpoint<P extends ObjectSchema, R extends AnySchema, Anon extends boolean = false>(
  spec: EndpointSpec<P, R, Anon>,
) {
  return spec as unknown as Endpoint & { handler: EndpointSpec<P, R, Anon>["handler"] };
}
