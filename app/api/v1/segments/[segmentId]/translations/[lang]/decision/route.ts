// POST /api/v1/segments/{segmentId}/translations/{lang}/decision: reviewed / approved / rejected (with a note why).
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { decide } from "@/lib/review/decide";

export const POST = apiRoute<{ segmentId: string; lang: string }>(async ({ req, db, actor, params }) => ({
  translation: await decide(db, actor, params.segmentId, params.lang, await readJsonBody(req)),
}));
