// GET /api/v1/documents/{id}/segments?target=en: a document's segments in order with one language's translations.
import { listSegmentsEndpoint } from "@/lib/api/endpoints/documents";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listSegmentsEndpoint);
