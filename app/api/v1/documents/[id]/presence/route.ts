// PUT /api/v1/documents/{id}/presence: a tab says it has the document open, and where.
import { presenceEndpoint } from "@/lib/api/endpoints/live";
import { nextRoute } from "@/lib/api/next-route";

export const PUT = nextRoute(presenceEndpoint);
