// GET and POST /api/v1/segments/{segmentId}/notes: a paragraph's note threads, and adding a note or reply.
import { addNoteEndpoint, listSegmentNotesEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listSegmentNotesEndpoint);
export const POST = nextRoute(addNoteEndpoint);
