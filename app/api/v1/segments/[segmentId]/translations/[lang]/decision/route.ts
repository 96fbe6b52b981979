// POST /api/v1/segments/{segmentId}/translations/{lang}/decision: reviewed / approved / rejected (with a note why).
import { decideEndpoint } from "@/lib/api/endpoints/review";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(decideEndpoint);
