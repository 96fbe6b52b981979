// PATCH and DELETE /api/v1/memories/{id}/units/{unitId}: edit or delete a unit.
import { deleteMemoryUnitEndpoint, editMemoryUnitEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const PATCH = nextRoute(editMemoryUnitEndpoint);
export const DELETE = nextRoute(deleteMemoryUnitEndpoint);
