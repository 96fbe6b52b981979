// POST /api/v1/projects/{id}/glossary/attached: uses another project's glossary read-only.
import { attachGlossaryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(attachGlossaryEndpoint);
