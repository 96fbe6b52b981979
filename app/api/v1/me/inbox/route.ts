// GET /api/v1/me/inbox: mentions and paragraphs sent back to you, with the unread count.
import { inboxEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(inboxEndpoint);
