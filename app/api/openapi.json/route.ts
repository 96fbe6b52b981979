// GET /api/openapi.json: the OpenAPI 3.1 description of /api/v1 (public: it describes, it holds no data).
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument);
}
