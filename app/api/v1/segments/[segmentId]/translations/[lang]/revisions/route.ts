// GET /api/v1/segments/{segmentId}/translations/{lang}/revisions: every saved version, newest first.
import { listRevisionsEndpoint } from "@/lib/api/endpoints/translations";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listRevisionsEndpoint);
