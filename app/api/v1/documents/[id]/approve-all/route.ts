// POST /api/v1/documents/{id}/approve-all {lang}: approves every translated paragraph in one go.
import { z } from "zod";
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { parseInput } from "@/lib/parse-input";
import { approveAllTranslated } from "@/lib/review/decide";

const Body = z.object({ lang: z.string().min(2).max(20) });

export const POST = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => {
  const { lang } = parseInput(Body, await readJsonBody(req));
  return approveAllTranslated(db, actor, params.id, lang);
});
