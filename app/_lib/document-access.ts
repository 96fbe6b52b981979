import "server-only";
import { cache } from "react";
import { requireDocument } from "@/lib/auth/access";
import type { ProjectAction } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { currentActor } from "./session";

/**
 * The document and the signed-in person's access to it for `action`, or null when it does not exist
 * or they may not (pages answer both with the same 404). Looked up once per request: a page and its
 * metadata both ask.
 */
export const documentFor = cache(async (id: string, action: ProjectAction) =>
  requireDocument(getDb(), await currentActor(), id, action).catch(() => null),
);
