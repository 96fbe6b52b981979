// GET /api/v1/documents/{id}/events: the document's live events, as server-sent events.
import { documentEventsEndpoint } from "@/lib/api/endpoints/live";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(documentEventsEndpoint);
