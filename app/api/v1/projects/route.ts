// POST /api/v1/projects: creates a project.
import { createProjectEndpoint } from "@/lib/api/endpoints/projects";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(createProjectEndpoint);
