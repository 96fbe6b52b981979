// PATCH, DELETE /api/v1/documents/{id}: rename or reorder a document; move it to the trash.
import { deleteDocumentEndpoint, updateDocumentEndpoint } from "@/lib/api/endpoints/document-manage";
import { nextRoute } from "@/lib/api/next-route";

export const PATCH = nextRoute(updateDocumentEndpoint);
export const DELETE = nextRoute(deleteDocumentEndpoint);
