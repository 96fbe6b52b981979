// POST /api/v1/documents/{id}/replace: find and replace in one language's translations (preview, or apply in one transaction).
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { findReplace } from "@/lib/translations/replace";

export const POST = apiRoute<{ id: string }>(async ({ req, db, actor, params }) =>
  findReplace(db, actor, params.id, await readJsonBody(req)),
);
