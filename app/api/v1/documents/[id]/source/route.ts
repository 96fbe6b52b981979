// POST /api/v1/documents/{id}/source: a new version of the source (?dryRun=true: the counts only).
import { updateSourceEndpoint } from "@/lib/api/endpoints/document-manage";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(updateSourceEndpoint);
