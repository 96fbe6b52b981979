// PATCH /api/v1/glossary/{entryId}: changes a glossary entry; DELETE: deletes it.
import { deleteGlossaryEntryEndpoint, updateGlossaryEntryEndpoint } from "@/lib/api/endpoints/glossary";
import { nextRoute } from "@/lib/api/next-route";

export const PATCH = nextRoute(updateGlossaryEntryEndpoint);
export const DELETE = nextRoute(deleteGlossaryEntryEndpoint);
