// DELETE /api/v1/memories/{id}: delete a memory with its units.
import { deleteMemoryEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const DELETE = nextRoute(deleteMemoryEndpoint);
