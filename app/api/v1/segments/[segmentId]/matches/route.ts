// GET /api/v1/segments/{segmentId}/matches: translation memory matches for a paragraph and its sentences.
import { segmentMatchesEndpoint } from "@/lib/api/endpoints/memory";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(segmentMatchesEndpoint);
