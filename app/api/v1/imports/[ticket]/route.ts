// GET /api/v1/imports/{ticket}: where the caller's import sent with this ticket is (running, or waiting with its place in line).
import { importPlaceEndpoint } from "@/lib/api/endpoints/import";
import { nextRoute } from "@/lib/api/next-route";

export const GET = nextRoute(importPlaceEndpoint);
