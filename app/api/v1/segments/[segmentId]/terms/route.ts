// GET /api/v1/segments/{segmentId}/terms?target=en: the glossary terms found in a paragraph's source.
import { segmentTermsEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(segmentTermsEndpoint);
