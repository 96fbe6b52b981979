// POST /api/v1/documents/{id}/approve-all {lang}: approves every translated paragraph in one go.
import { z } from "zod";
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { approveAllTranslated } from "@/lib/review/decide";

const Body = z.object({ lang: z.string().min(2).max(20) });

export const POST = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => {
  const body = Body.safeParse(await readJsonBody(req));
  if (!body.success) throw new AppError("invalid_input", { field: "lang" });
  return approveAllTranslated(db, actor, params.id, body.data.lang);
});
