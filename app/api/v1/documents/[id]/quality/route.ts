// GET /api/v1/documents/{id}/quality?target=en[&format=csv]: the MQM quality report, as JSON or CSV.
import { qualityEndpoint } from "@/lib/api/endpoints/review";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(qualityEndpoint);
