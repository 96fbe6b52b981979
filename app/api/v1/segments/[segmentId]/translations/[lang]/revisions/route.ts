// GET /api/v1/segments/{segmentId}/translations/{lang}/revisions: every saved version, newest first.
import { apiRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/translations/history";

export const GET = apiRoute<{ segmentId: string; lang: string }>(async ({ db, actor, params }) => ({
  revisions: await listRevisions(db, actor, params.segmentId, params.lang),
}));
