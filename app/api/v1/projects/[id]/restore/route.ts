// POST /api/v1/projects/{id}/restore: out of the trash, or out of the archive.
import { restoreProjectEndpoint } from "@/lib/api/endpoints/projects";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(restoreProjectEndpoint);
