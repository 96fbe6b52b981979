// POST /api/v1/documents/{id}/approve-all {lang}: approves every translated paragraph in one go.
import { approveAllEndpoint } from "@/lib/api/endpoints/review";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(approveAllEndpoint);
