// POST /api/v1/segments/{segmentId}/translations/{lang}/unlock: an owner opens a reviewed or approved translation to translators again.
import { unlockEndpoint } from "@/lib/api/endpoints/review";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(unlockEndpoint);
