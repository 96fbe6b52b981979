// Who is asking: a personal API token (Authorization: Bearer) or the session cookie. The API takes
// either; pages and server actions only the cookie (app/_lib/session.ts), so a token never drives the UI.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { countTokenRequest } from "./token-rate";
import { hashToken, userForToken } from "./tokens";

export interface Actor {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  via: "session" | "token";
}

/**
 * What the route and action wrappers hand to domain code: the caller, or the one "please sign in"
 * refusal. Domain functions take an Actor, never null; endpoints open to anyone say so in their wrapper.
 */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}

/** For the API: a bearer token when the request carries one, else the session cookie. */
export async function actorFromHeaders(db: Db, headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization) return actorFromAuthorization(db, authorization);
  return actorOfSession(await sessionFromHeaders(headers));
}

/** The session cookie's session (better-auth), or null. Pages and server actions know no other way in. */
export async function sessionFromHeaders(headers: Headers) {
  const auth = await getAuth();
  return auth.api.getSession({ headers });
}

export function actorOfSession(session: Awaited<ReturnType<typeof sessionFromHeaders>>): Actor | null {
  if (!session) return null;
  const user = session.user as typeof session.user & { isAdmin?: boolean };
  return { userId: user.id, name: user.name, email: user.email, isAdmin: Boolean(user.isAdmin), via: "session" };
}

/** The Authorization header's bearer token. A wrong token is refused, never taken as "no token, try the cookie". */
export async function actorFromAuthorization(db: Db, authorization: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  const user = match ? await userForToken(db, match[1]) : null;
  if (!user || !match) return null;
  // A token hammering the API waits (429); other tokens and sessions are not slowed.
  await countTokenRequest(db, hashToken(match[1]));
  return { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, via: "token" };
}
