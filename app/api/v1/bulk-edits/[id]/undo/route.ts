// POST /api/v1/bulk-edits/{id}/undo: undoes a find and replace in one step.
import { undoBulkEditEndpoint } from "@/lib/api/endpoints/translations";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(undoBulkEditEndpoint);
