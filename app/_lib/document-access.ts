import "server-only";
import { cache } from "react";
import { isNotVisible, requireDocument } from "@/lib/auth/access";
import type { ProjectAction } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { currentActor } from "./session";

/**
 * The document and the signed-in person's access to it for `action` (role, policy, target
 * languages), or null when it does not exist, they may not, or nobody is signed in (pages answer
 * all of these with the same 404). A failing database is not "not found": it is thrown, a 500.
 * Looked up once per request: a page and its metadata both ask.
 */
export const documentFor = cache(async (id: string, action: ProjectAction) => {
  const actor = await currentActor();
  if (!actor) return null;
  try {
    return await requireDocument(getDb(), actor, id, action);
  } catch (error) {
    if (isNotVisible(error)) return null;
    throw error;
  }
});
