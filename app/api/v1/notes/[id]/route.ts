// PATCH /api/v1/notes/{id}: edit one's own note ({body}), resolve or reopen its thread ({resolved}).
import { apiRoute, readJsonBody } from "@/lib/api/handler";
import { updateNote } from "@/lib/notes/notes";

export const PATCH = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => ({
  note: await updateNote(db, actor, params.id, await readJsonBody(req)),
}));
