// GET /api/v1/documents/{id}/export?format=…&target=en,kk&approvedOnly=1&notes=0: the document as a file, streamed.
import { apiRoute } from "@/lib/api/handler";
import { requireDocument } from "@/lib/auth/access";
import { contentDisposition, exportDocument, parseExportQuery, toReadableStream } from "@/lib/exchange/export";

export const GET = apiRoute<{ id: string }>(async ({ req, db, actor, params }) => {
  const { document, access } = await requireDocument(db, actor, params.id, "document.export");
  const request = parseExportQuery(new URL(req.url).searchParams, access.targetLangs);
  const result = await exportDocument(db, document.id, request);
  return new Response(toReadableStream(result.body), {
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": contentDisposition(result.filename),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
