// PATCH /api/v1/notes/{id}: edit one's own note ({body}), resolve or reopen its thread ({resolved}).
import { updateNoteEndpoint } from "@/lib/api/endpoints/notes";
import { nextRoute } from "@/lib/api/next-route";

export const PATCH = nextRoute(updateNoteEndpoint);
