// GET /api/v1/documents/{id}/notes[?target=en]: every note thread of a document, in paragraph order.
import { documentNotesEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(documentNotesEndpoint);
