// GET /api/v1/documents/{id}/segments?target=en: a document's segments in order with one language's translations.
import { apiRoute } from "@/lib/api/handler";
import { documentSegments } from "@/lib/api/queries";
import { requireDocument } from "@/lib/auth/access";

export const GET = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => {
  const { document, access } = await requireDocument(db, actor, params.id, "project.read");
  return documentSegments(db, document, access.targetLangs, new URL(req.url).searchParams.get("target"));
});
