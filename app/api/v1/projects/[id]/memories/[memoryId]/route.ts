// DELETE /api/v1/projects/{id}/memories/{memoryId}: detach a reference memory.
import { detachMemoryEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const DELETE = nextRoute(detachMemoryEndpoint);
