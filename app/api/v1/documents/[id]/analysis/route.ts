// GET /api/v1/documents/{id}/analysis: words per match band against the translation memory.
import { analysisEndpoint } from "@/lib/api/endpoints/memory";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(analysisEndpoint);
