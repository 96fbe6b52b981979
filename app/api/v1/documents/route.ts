// GET /api/v1/documents: the documents of every project the caller is a member of, with progress.
import { listDocumentsEndpoint } from "@/lib/api/endpoints/documents";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(listDocumentsEndpoint);
