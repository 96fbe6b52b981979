// Signing in with email and password: the guess is counted by the throttle before better-auth
// checks it, and given back only when it was right.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { reserveAttempt } from "./throttle";

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (lib/server/client-address.ts), for the throttle. */
  address: string;
  /** The request's headers: better-auth records the browser, and in a server action sets the cookie. */
  headers: Headers;
}

/**
 * Signs in; throws rate_limited (too many guesses) or invalid_credentials (unknown email and wrong
 * password alike, so accounts cannot be discovered). Returns the new session's token and user.
 */
export async function signInWithPassword(db: Db, input: SignInInput) {
  const email = input.email.trim().toLowerCase();
  const attempt = await reserveAttempt(db, email, input.address);
  const auth = await getAuth();
  let result: Awaited<ReturnType<typeof auth.api.signInEmail>>;
  try {
    // better-auth issues a brand-new session token on every sign-in (no session fixation) and
    // sets it as an httpOnly, SameSite=Lax cookie through its nextCookies plugin.
    result = await auth.api.signInEmail({
      body: { email, password: input.password, rememberMe: true },
      headers: input.headers,
    });
  } catch {
    throw new AppError("invalid_credentials");
  }
  await attempt.succeeded();
  return result;
}
