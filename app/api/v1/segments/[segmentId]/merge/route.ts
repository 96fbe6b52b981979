// POST /api/v1/segments/{segmentId}/merge: merges a paragraph with the next.
import { mergeSegmentEndpoint } from "@/lib/api/endpoints/segments";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(mergeSegmentEndpoint);
