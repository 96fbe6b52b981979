// GET /api/v1/documents/{id}/glossary: the entries a document's editor recognises, loaded once per page.
import { documentGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(documentGlossaryEndpoint);
