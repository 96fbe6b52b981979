// GET /api/v1/segments/{segmentId}/translations/{lang}: the translation as saved now.
// PUT /api/v1/segments/{segmentId}/translations/{lang}: saves a translation against the version it started from.
// The production server answers this path without Next (lib/server/save-endpoint.ts), through the same pipeline.
import { getTranslationEndpoint, saveTranslationEndpoint } from "@/lib/api/endpoints/translations";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(getTranslationEndpoint);
export const PUT = nextRoute(saveTranslationEndpoint);
