// GET /api/v1/documents/{id}/quality?target=en[&format=csv]: the MQM quality report, as JSON or CSV.
import { apiRoute } from "@/lib/api/handler";
import { contentDisposition } from "@/lib/exchange/export";
import { getT } from "@/lib/i18n/server";
import { qualityCsv, qualityReport } from "@/lib/review/quality";

export const GET = apiRoute<{ id: string }>(async ({ req, db, actor, params, lng }) => {
  const url = new URL(req.url);
  const { documentTitle, ...report } = await qualityReport(db, actor, params.id, url.searchParams.get("target"));
  if (url.searchParams.get("format") !== "csv") return { report };
  const name = `quality-${documentTitle.replace(/[^\p{L}\p{N}]+/gu, "-")}-${report.lang}.csv`;
  return new Response(qualityCsv(report, getT(lng)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(name) },
  });
});
