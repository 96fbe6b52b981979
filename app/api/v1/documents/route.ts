// GET /api/v1/documents: the documents of every project the caller is a member of, with progress.
import { apiRoute } from "@/lib/api/handler";
import { listDocumentsFor } from "@/lib/api/queries";

export const GET = apiRoute(async ({ db, actor }) => ({ documents: await listDocumentsFor(db, actor.userId) }));
