// PUT /api/v1/segments/{segmentId}/translations/{lang}: saves a translation against the version it started from.
// The production server answers this path without Next (lib/server/save-endpoint.ts), with the same checks.
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { saveTranslationRequest } from "@/lib/api/save-translation";

export const PUT = apiRoute<{ segmentId: string; lang: string }>(async ({ req, db, actor, params }) =>
  saveTranslationRequest(db, actor, params, await readJsonBody(req)),
);
