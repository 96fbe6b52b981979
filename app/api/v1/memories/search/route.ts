// GET /api/v1/memories/search: concordance over the memories the asker may read.
import { searchMemoriesEndpoint } from "@/lib/api/endpoints/memory";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(searchMemoriesEndpoint);
