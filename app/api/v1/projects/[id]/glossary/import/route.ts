// POST /api/v1/projects/{id}/glossary/import: a TBX or CSV file into the project's glossary.
import { importGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(importGlossaryEndpoint);
