// POST /api/v1/projects/{id}/qa-settings/dictionary: adds a word to the project's dictionary (owners).
import { addDictionaryWordEndpoint } from "@/lib/api/endpoints/qa";
import { nextRoute } from "@/lib/api/next-route";

export const POST = nextRoute(addDictionaryWordEndpoint);
