// Who is asking: a personal API token (Authorization: Bearer) or the session cookie.
import type { Db } from "../db/client";
import { getAuth } from "./auth";
import { userForToken } from "./tokens";

export interface Actor {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  via: "session" | "token";
}

export async function actorFromHeaders(db: Db, headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization) return actorFromAuthorization(db, authorization);
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { isAdmin?: boolean };
  return { userId: user.id, name: user.name, email: user.email, isAdmin: Boolean(user.isAdmin), via: "session" };
}

/** The Authorization header's bearer token. A wrong token is refused, never taken as "no token, try the cookie". */
export async function actorFromAuthorization(db: Db, authorization: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  const user = match ? await userForToken(db, match[1]) : null;
  return user ? { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, via: "token" } : null;
}
