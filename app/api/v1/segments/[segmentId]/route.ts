// PATCH /api/v1/segments/{segmentId}: edits a source paragraph.
import { editSourceEndpoint } from "@/lib/api/endpoints/segments";
import { nextRoute } from "@/lib/api/next-route";

export const PATCH = nextRoute(editSourceEndpoint);
