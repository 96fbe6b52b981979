// GET /api/v1/documents/{id}/quality?target=en[&format=csv]: the MQM quality report, as JSON or CSV.
import { apiRoute } from "@/lib/api/handler";
import { getT } from "@/lib/i18n/server";
import { qualityCsv, qualityReport } from "@/lib/review/quality";

export const GET = apiRoute<{ id: string }>(async ({ req, db, actor, params, lng }) => {
  const url = new URL(req.url);
  const document = await db.document.findUnique({
    where: { id: params.id },
    include: { project: { include: { languages: true } } },
  });
  const target =
    url.searchParams.get("target") ??
    document?.project.languages.sort((a, b) => a.position - b.position)[0]?.lang ??
    "";
  const report = await qualityReport(db, actor, params.id, target);
  if (url.searchParams.get("format") !== "csv") return { report };
  const name = `quality-${(document?.title ?? "document").replace(/[^\p{L}\p{N}]+/gu, "-")}-${target}.csv`;
  return new Response(qualityCsv(report, getT(lng)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="quality-${target}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
