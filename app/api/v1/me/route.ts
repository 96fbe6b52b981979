// GET /api/v1/me: who the caller is, and whether by API token or session cookie.
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute(async ({ actor }) => ({
  user: { id: actor.userId, name: actor.name, email: actor.email, isAdmin: actor.isAdmin },
  via: actor.via,
}));
