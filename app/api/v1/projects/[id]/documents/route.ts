// POST /api/v1/projects/{id}/documents: import a file (multipart: file, mode new|update, documentId, title).
import { importDocumentEndpoint } from "@/lib/api/endpoints/import";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(importDocumentEndpoint);
