// GET /api/v1/me/mentions: notes that name you with @, newest first.
import { apiRoute } from "@/lib/api/handler";
import { listMentions } from "@/lib/notes/notes";

export const GET = apiRoute(async ({ db, actor }) => ({ mentions: await listMentions(db, actor.userId) }));
