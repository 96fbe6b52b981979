// GET /api/openapi.json: the OpenAPI 3.1 description of /api/v1 (public: it describes, it holds no data).
import { openApiDocument } from "@/lib/api/openapi";
import { setSecurityHeaders } from "@/lib/http/security-headers";

export function GET() {
  const res = Response.json(openApiDocument);
  setSecurityHeaders(res.headers);
  return res;
}
