// POST /api/v1/me/inbox/read: marks mentions or send-backs you opened as read.
import { markReadEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(markReadEndpoint);
