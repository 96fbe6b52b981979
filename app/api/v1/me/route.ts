// GET /api/v1/me: who the caller is, and whether by API token or session cookie.
import { meEndpoint } from "@/lib/api/endpoints/account";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(meEndpoint);
