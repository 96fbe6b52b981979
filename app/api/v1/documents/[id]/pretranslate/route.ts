// POST /api/v1/documents/{id}/pretranslate: fills untranslated paragraphs from the translation memory.
import { pretranslateEndpoint } from "@/lib/api/endpoints/memory";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(pretranslateEndpoint);
