// GET /api/v1/documents/{id}/original: the source file as uploaded.
import { originalFileEndpoint } from "@/lib/api/endpoints/document-manage";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(originalFileEndpoint);
