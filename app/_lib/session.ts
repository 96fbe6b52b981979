import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type Actor, actorOfSession, sessionFromHeaders } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Lng } from "@/lib/i18n/settings";

/** This request's session (the cookie only: a bearer token is for the API, never for pages or actions). */
export const currentSession = cache(async () => sessionFromHeaders(await headers()));

/**
 * The signed-in person for this request, or null. Looked up once per request: the layouts, the
 * page and its metadata all ask.
 */
export const currentActor = cache(async (): Promise<Actor | null> => actorOfSession(await currentSession()));

/** For pages behind sign-in: the actor, or a redirect to setup (no account yet) or sign-in. */
export async function requireSignedIn(lng: Lng): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if ((await getDb().user.count()) === 0) redirect(`/${lng}/setup`);
  const path = (await headers()).get("x-parallel-path") ?? `/${lng}`;
  redirect(`/${lng}/sign-in?next=${encodeURIComponent(path)}`);
}
