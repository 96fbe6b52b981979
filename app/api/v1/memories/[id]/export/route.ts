// GET /api/v1/memories/{id}/export: a memory as TMX.
import { exportMemoryEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(exportMemoryEndpoint);
