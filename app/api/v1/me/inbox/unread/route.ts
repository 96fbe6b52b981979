// GET /api/v1/me/inbox/unread: how many mentions and send-backs you have not opened.
import { unreadEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(unreadEndpoint);
