// GET /api/v1/documents/{id}/notes[?target=en]: every note thread of a document, in paragraph order.

import { apiRoute } from "@/lib/api/handler";
import { requireDocument } from "@/lib/auth/access";
import { listDocumentNotes } from "@/lib/notes/notes";

export const GET = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => {
  await requireDocument(db, actor, params.id, "project.read");
  const target = new URL(req.url).searchParams.get("target") ?? undefined;
  return { notes: await listDocumentNotes(db, params.id, target) };
});
