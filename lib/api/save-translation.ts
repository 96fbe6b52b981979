// PUT /api/v1/segments/{segmentId}/translations/{lang}, whichever server answers it: Next's route
// handler (app/api/v1/segments/…/route.ts) or the production server's direct path
// (lib/server/save-endpoint.ts). Both have checked who is asking before they get here.
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { saveTranslation } from "../translations/save";

export async function saveTranslationRequest(
  db: Db,
  actor: Actor,
  params: { segmentId: string; lang: string },
  body: unknown,
) {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("invalid_input", { field: "body", reason: "not_an_object" });
  }
  // The path names the segment and language; the body cannot point the save elsewhere.
  const translation = await saveTranslation(db, actor, { ...body, segmentId: params.segmentId, lang: params.lang });
  return { translation };
}
