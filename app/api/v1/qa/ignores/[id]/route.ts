// DELETE /api/v1/qa/ignores/{id}: takes an ignore mark back (it stays in the history).
import { qaUnignoreEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const DELETE = nextRoute(qaUnignoreEndpoint);
