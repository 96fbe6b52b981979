// GET /api/v1/memories/{id}/units: a memory's units, newest first.
import { memoryUnitsEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(memoryUnitsEndpoint);
