// POST /api/v1/documents/{id}/replace: find and replace in one language's translations (preview, or apply in one transaction).
import { findReplaceEndpoint } from "@/lib/api/endpoints/translations";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(findReplaceEndpoint);
