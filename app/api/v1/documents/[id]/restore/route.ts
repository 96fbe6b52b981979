// POST /api/v1/documents/{id}/restore: a document out of the trash.
import { restoreDocumentEndpoint } from "@/lib/api/endpoints/document-manage";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(restoreDocumentEndpoint);
