// DELETE /api/v1/projects/{id}/glossary/attached/{projectId}: stops using that project's glossary.
import { detachGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const DELETE = nextRoute(detachGlossaryEndpoint);
