// POST /api/v1/projects/{id}/memories/attach: attach another project's memory as a reference.
import { attachMemoryEndpoint } from "@/lib/api/endpoints/memories";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(attachMemoryEndpoint);
