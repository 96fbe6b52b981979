// GET /api/v1/projects/{id}/glossary: the project's entries; POST: adds one.
import { createGlossaryEntryEndpoint, listGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listGlossaryEndpoint);
export const POST = nextRoute(createGlossaryEntryEndpoint);
