// GET /api/v1/projects/{id}/glossary/export?format=tbx|csv: the project's glossary as a file.
import { exportGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(exportGlossaryEndpoint);
