import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { projectAccess } from "@/lib/auth/access";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { requireSignedIn } from "./session";

/**
 * What every page of a project (/[lng]/projects/[id]/…) starts with: an interface language we have
 * (else 404), the signed-in person (else the redirect to sign-in, or to setup on a new site), and
 * their membership of the project, which is not in the trash (else 404: a stranger learns nothing).
 * What the role may do there, the page asks of lib/auth/permissions with `access`; a member refused
 * gets a <RefusalCard>, not a 404. Looked up once per request: a page and its metadata both ask.
 */
export const projectPage = cache(async (lng: string, id: string) => {
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const access = await projectAccess(db, actor, id);
  if (!access) notFound();
  return { lng, id, actor, db, access, t: getT(lng) };
});
