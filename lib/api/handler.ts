// The checks and answers of an API request that do not depend on the server carrying it: the
// caller's language, the same-site rule for cookie writes, the body limit, and errors as
// {error:{code,message}} in the caller's language. The pipeline (pipeline.ts) runs them in order.
import acceptLanguage from "accept-language";
import type { Actor } from "../auth/actor";
import { isDatabaseUnreachable, isStorageUnavailable, isWaitExceeded } from "../db/errors";
import { isConflict } from "../db/serializable";
import { errorKeys, errorParams } from "../error-params";
import { AppError, isAppError } from "../errors";
import { getT } from "../i18n/server";
import { cookieName, fallbackLng, isLng, type Lng, languages } from "../i18n/settings";

/** How long a client waits before sending again when the database's disk is full or read-only. */
const STORAGE_RETRY_SECONDS = 10;

/** How long a client waits before sending again while this instance cannot reach its database. */
const UNREACHABLE_RETRY_SECONDS = 5;

/** How long a client waits before sending again after PostgreSQL kept aborting its write for conflicts. */
const BUSY_RETRY_SECONDS = 1;

/** Request bodies above this are refused before they are parsed. */
export const MAX_BODY_BYTES = 100 * 1024;

// Our own parser instance: the module-level one belongs to proxy.ts.
const negotiator = acceptLanguage.create();
// The first entry is what accept-language answers when nothing matches: the fallback.
negotiator.languages([fallbackLng, ...languages.filter((l) => l !== fallbackLng)]);

/** What the checks read of a request's headers: a Web Headers, or Node's headers behind `get`. */
export type HeaderSource = Pick<Headers, "get">;

/**
 * The interface language for messages: the one the person chose in the app (its cookie, sent by the
 * browser with every request), else Accept-Language (uk, en or kk; English otherwise).
 */
export function requestLng(headers: HeaderSource): Lng {
  const chosen = new RegExp(`(?:^|;\\s*)${cookieName}=([a-z]+)`).exec(headers.get("cookie") ?? "")?.[1];
  if (isLng(chosen)) return chosen;
  const lng = negotiator.get(headers.get("accept-language"));
  return (languages as readonly string[]).includes(lng ?? "") ? (lng as Lng) : fallbackLng;
}

/**
 * A browser sends the session cookie with a form posted from any site; Origin (or Referer) tells
 * where the request came from. A bearer token is never sent by the browser on its own, so it is exempt.
 */
export function assertSameSite(method: string, headers: HeaderSource, actor: Actor, urlHost: string) {
  if (method === "GET" || method === "HEAD" || actor.via !== "session") return;
  const from = headers.get("origin") ?? headers.get("referer");
  const host = headers.get("host") ?? urlHost;
  if (!from || hostOf(from) !== host.toLowerCase()) throw new AppError("cross_site");
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null; // "null" (opaque origins) and garbage alike
  }
}

/**
 * A request body, read up to `maxBytes`: a longer one is refused without reading the rest. Takes
 * the chunks of a Web stream or of a Node request alike (both are async-iterable).
 */
export async function readBodyBytes(
  chunks: AsyncIterable<Uint8Array> | null,
  declaredLength: string | null | undefined,
  maxBytes = MAX_BODY_BYTES,
): Promise<Buffer> {
  const tooLarge = () => new AppError("too_large", { maxBytes });
  if (Number(declaredLength ?? "0") > maxBytes) throw tooLarge();
  const parts: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early (the throw) cancels a Web stream; Node discards the rest of a request.
  for await (const chunk of chunks ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** A request body as JSON, or the translated "not JSON" refusal. */
export function parseJsonBody(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new AppError("invalid_input", { field: "body", reason: "not_json" });
  }
}

export interface ErrorAnswer {
  status: number;
  body: { error: Record<string, unknown> };
  /** Seconds, for a Retry-After header. */
  retryAfter?: number;
}

/** What the caller is told about an error, in their language. */
export function errorAnswer(error: unknown, lng: Lng): ErrorAnswer {
  const t = getT(lng);
  // Both mean nothing was written and sending the same request again is right: the client keeps
  // the edit and does so after Retry-After.
  const unavailable = (why: string, key: string, retryAfter: number): ErrorAnswer => {
    console.error(why, (error as Error).message);
    return { status: 503, body: { error: { code: "unavailable", message: t(key) } }, retryAfter };
  };
  if (!isAppError(error) && isStorageUnavailable(error))
    return unavailable(
      "The database cannot write (disk full or read-only):",
      "errors.unavailable",
      STORAGE_RETRY_SECONDS,
    );
  // This instance has no connection to its database (down, cut off, refused): another instance may have one.
  if (!isAppError(error) && isDatabaseUnreachable(error))
    return unavailable("The database cannot be reached:", "errors.databaseUnreachable", UNREACHABLE_RETRY_SECONDS);
  // PostgreSQL aborted the whole transaction for a concurrent write every time it ran (serializable.ts).
  if (!isAppError(error) && isConflict(error))
    return unavailable("A write conflicted with others every time it was tried:", "errors.busy", BUSY_RETRY_SECONDS);
  // Too many requests at once for the connections there are: this one waited its turn too long.
  if (!isAppError(error) && isWaitExceeded(error))
    return unavailable("A request waited too long for a database connection:", "errors.busy", BUSY_RETRY_SECONDS);
  if (!isAppError(error)) {
    // Never the error's own text: it may name tables, paths or values.
    console.error(error);
    return { status: 500, body: { error: { code: "internal", message: t("errors.internal") } } };
  }
  const { code, details } = error;
  const body: Record<string, unknown> = { code, message: t(errorKeys(error), errorParams(error)) };
  // A conflict hands back what is saved now, so the client can merge instead of starting over.
  if (code === "conflict") {
    body.current = details?.current ?? null;
    // Other conflicts (a glossary term another entry has) say which thing they clash with.
    const { current: _current, ...rest } = details ?? {};
    if (Object.keys(rest).length > 0) body.details = rest;
  } else if (details) body.details = details;
  const retryAfter =
    code === "rate_limited" && typeof details?.retryAfter === "number" ? details.retryAfter : undefined;
  return { status: error.status, body: { error: body }, retryAfter };
}
