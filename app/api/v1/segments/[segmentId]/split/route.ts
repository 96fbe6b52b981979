// POST /api/v1/segments/{segmentId}/split: splits a paragraph in two.
import { splitSegmentEndpoint } from "@/lib/api/endpoints/segments";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(splitSegmentEndpoint);
