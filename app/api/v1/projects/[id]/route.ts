// GET, PATCH, DELETE /api/v1/projects/{id}: a project; its settings and archive; the trash.
import { deleteProjectEndpoint, getProjectEndpoint, updateProjectEndpoint } from "@/lib/api/endpoints/projects";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(getProjectEndpoint);
export const PATCH = nextRoute(updateProjectEndpoint);
export const DELETE = nextRoute(deleteProjectEndpoint);
