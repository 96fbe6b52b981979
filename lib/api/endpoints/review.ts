// Endpoints of review: a decision on one translation, an owner's unlock, approve all, the quality report.
import { z } from "zod";
import { contentDisposition } from "../../exchange/export";
import { getT } from "../../i18n/server";
import { parseInput } from "../../parse-input";
import { ApproveAllInput, approveAllTranslated, DecisionInput, decide } from "../../review/decide";
import { qualityReport } from "../../review/quality";
import { qualityCsv } from "../../review/quality-csv";
import { sentBackTo } from "../../review/send-backs";
import { UnlockInput, unlockTranslation } from "../../review/unlock";
import { afterAnswer, afterConfirm } from "../../tm/after-confirm";
import { approveUnits } from "../../tm/approve-units";
import { defineEndpoint, file } from "../endpoint";
import { SentBackList } from "../schemas/notes";
import { ApproveAllAnswer, DecisionAnswer, QualityAnswer, UnlockAnswer } from "../schemas/review";
import { DocumentParams, TranslationParams } from "./params";

export const decideEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/translations/{lang}/decision",
  operationId: "decide",
  summary: "Review decision: reviewed, approved or rejected",
  description:
    "A rejection needs `note` (why); it is saved as a note on the translation. With `baseVersion`, a decision on a " +
    "text that changed since is refused with 409 and the current translation.",
  tags: ["review"],
  params: TranslationParams.extend({ lang: z.string().describe("Target language") }),
  body: { json: DecisionInput },
  response: { schema: DecisionAnswer, description: "Decided" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params, body }) {
    const translation = await decide(db, actor, params.segmentId, params.lang, body);
    afterConfirm(db, params.segmentId, params.lang, translation.status);
    return { translation };
  },
});

export const unlockEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/translations/{lang}/unlock",
  operationId: "unlockTranslation",
  summary: "Open a reviewed or approved translation to translators again (owners)",
  description:
    "Reviewed and approved translations are locked for translators unless the project lets them change approved " +
    "paragraphs. An owner takes the decision back: the translation becomes `translated` (text unchanged) as a new " +
    "version in its history. 400 `not_locked` when it is neither reviewed nor approved; with `baseVersion`, a " +
    "translation that changed since is refused with 409 and the current translation.",
  tags: ["review"],
  params: TranslationParams,
  body: { json: UnlockInput },
  response: { schema: UnlockAnswer, description: "Unlocked" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params, body }) {
    return { translation: await unlockTranslation(db, actor, params.segmentId, params.lang, body) };
  },
});

export const approveAllEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/documents/{id}/approve-all",
  operationId: "approveAll",
  summary: "Approve every translated paragraph of one language",
  tags: ["review"],
  params: DocumentParams,
  body: { json: ApproveAllInput },
  response: { schema: ApproveAllAnswer, description: "How many were approved" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    const { lang } = parseInput(ApproveAllInput, body);
    const { approved, segmentIds } = await approveAllTranslated(db, actor, params.id, lang);
    // Their memory units take the approval after the answer, as a single decision's do.
    afterAnswer("translation memory: approve all", () => approveUnits(db, params.id, lang, segmentIds, actor.userId));
    return { approved };
  },
});

export const qualityEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/quality",
  operationId: "qualityReport",
  summary: "MQM quality report of one target language",
  description:
    "Errors by category and severity (minor 1, major 5, critical 25 points), penalty per 1,000 source words of the " +
    "paragraphs that were reviewed (reviewed, approved or rejected, now or before, or carrying an error), that share " +
    "of the document, pass/fail against the project's threshold, and every error. `format=csv` answers a CSV file " +
    "(UTF-8 with BOM) with the same error rows, then the counts.",
  tags: ["review"],
  params: DocumentParams,
  query: z.object({
    target: z.string().optional().describe("Target language; default: the project's first"),
    format: z.enum(["json", "csv"]).optional().describe("json (default) or csv"),
  }),
  response: { schema: QualityAnswer, description: "The report" },
  files: { description: "The report as CSV (format=csv)", types: { "text/csv": "UTF-8 with BOM, RFC 4180" } },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, query, lng, request }) {
    const { documentTitle, ...report } = await qualityReport(db, actor, params.id, query.get("target"));
    if (query.get("format") !== "csv") return { report };
    const name = `quality-${documentTitle.replace(/[^\p{L}\p{N}]+/gu, "-")}-${report.lang}.csv`;
    const editor = `${request.url.origin}/${lng}/documents/${encodeURIComponent(params.id)}?target=${encodeURIComponent(report.lang)}`;
    return file(
      qualityCsv(report, getT(lng), (position) => `${editor}#p${position}`),
      {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(name),
      },
    );
  },
});

export const sentBackEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/sent-back",
  operationId: "sentBack",
  summary: "The paragraphs of a document sent back to you",
  description:
    "Only the send-backs addressed to you (the translator the reviewer sent the paragraph back to), open until " +
    "you confirm the paragraph again, with the reason and whether you have opened it.",
  tags: ["review"],
  params: DocumentParams,
  query: z.object({ target: z.string().optional().describe("Only this language; default: every target") }),
  response: { schema: SentBackList, description: "Sent back to you" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    return { sentBack: await sentBackTo(db, actor, params.id, query.get("target") ?? undefined) };
  },
});
