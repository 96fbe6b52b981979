// GET /api/v1/me/mentions: notes that name you with @, newest first.
import { mentionsEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(mentionsEndpoint);
