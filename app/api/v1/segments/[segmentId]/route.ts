// GET /api/v1/segments/{segmentId}: reads a source paragraph with its translations.
// PATCH /api/v1/segments/{segmentId}: edits a source paragraph.
import { editSourceEndpoint, readParagraphEndpoint } from "@/lib/api/endpoints/segments";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(readParagraphEndpoint);
export const PATCH = nextRoute(editSourceEndpoint);
