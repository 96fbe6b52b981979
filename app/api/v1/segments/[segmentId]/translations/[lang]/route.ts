// PUT /api/v1/segments/{segmentId}/translations/{lang}: saves a translation against the version it started from.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { saveTranslation } from "@/lib/translations/save";

export const PUT = apiRoute<{ segmentId: string; lang: string }>(async ({ req, db, actor, params }) => {
  const body = await readJsonBody(req);
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("invalid_input", { field: "body", reason: "not_an_object" });
  }
  // The path names the segment and language; the body cannot point the save elsewhere.
  const translation = await saveTranslation(db, actor, { ...body, segmentId: params.segmentId, lang: params.lang });
  return { translation };
});
