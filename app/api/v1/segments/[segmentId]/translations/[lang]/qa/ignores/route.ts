// GET, POST /api/v1/segments/{segmentId}/translations/{lang}/qa/ignores: a paragraph's ignore marks
// with their history; mark a finding ignore, with a reason.
import { qaIgnoreEndpoint, qaIgnoreHistoryEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(qaIgnoreHistoryEndpoint);
export const POST = nextRoute(qaIgnoreEndpoint);
