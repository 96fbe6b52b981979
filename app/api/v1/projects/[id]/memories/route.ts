// GET /api/v1/projects/{id}/memories: the memories a project reads; POST: import a TMX file as a reference memory.
import { importMemoryEndpoint, listMemoriesEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listMemoriesEndpoint);
export const POST = nextRoute(importMemoryEndpoint);
