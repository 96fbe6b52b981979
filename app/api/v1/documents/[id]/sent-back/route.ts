// GET /api/v1/documents/{id}/sent-back?target=en: the paragraphs of a document sent back to you.
import { sentBackEndpoint } from "@/lib/api/endpoints/review";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(sentBackEndpoint);
