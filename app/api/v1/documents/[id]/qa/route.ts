// GET /api/v1/documents/{id}/qa: the quality-check report of one target language (JSON or CSV).
import { documentQaEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(documentQaEndpoint);
