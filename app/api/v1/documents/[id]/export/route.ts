// GET /api/v1/documents/{id}/export?format=…&target=en,kk&approvedOnly=1&notes=0&withoutQaErrors=1: the document as a file, streamed.
import { exportDocumentEndpoint } from "@/lib/api/endpoints/documents";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(exportDocumentEndpoint);
