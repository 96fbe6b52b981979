// POST /api/v1/qa/check: one paragraph's translation checked with a project's settings and glossaries.

import { qaCheckEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(qaCheckEndpoint);
