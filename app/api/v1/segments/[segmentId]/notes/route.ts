// GET and POST /api/v1/segments/{segmentId}/notes: a paragraph's note threads, and adding a note or reply.
import { apiRoute, json, readJsonBody } from "@/lib/api/handler";
import { createNote, listSegmentNotes } from "@/lib/notes/notes";

export const GET = apiRoute<{ segmentId: string }>(async ({ db, actor, params }) => ({
  notes: await listSegmentNotes(db, actor, params.segmentId),
}));

export const POST = apiRoute<{ segmentId: string }>(async ({ req, db, actor, params }) =>
  json({ note: await createNote(db, actor, params.segmentId, await readJsonBody(req)) }, 201),
);
