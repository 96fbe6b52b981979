// Endpoints of the quality checks (issue #16): a paragraph checked for tools and the editor, a
// document's report (JSON or CSV), ignore marks, a project's QA settings.
import { z } from "zod";
import { contentDisposition } from "../../exchange/export";
import { getT } from "../../i18n/server";
import { QaSettingsInput } from "../../qa/settings";
import { checkText, QaCheckInput } from "../../qa/store/check-text";
import { DocumentQaQuery, documentQaReport } from "../../qa/store/document-report";
import { IgnoreInput, ignoreFinding, ignoreHistory, unignoreFinding } from "../../qa/store/ignores";
import { reportCsv } from "../../qa/store/report-csv";
import { addDictionaryWord, DictionaryWordInput, getQaSettings, updateQaSettings } from "../../qa/store/settings-store";
import { created, defineEndpoint, file } from "../endpoint";
import { DocumentQaAnswer, QaCheckAnswer, QaIgnoreAnswer, QaIgnoreHistory, QaSettingsAnswer } from "../schemas/qa";
import { DocumentParams, TranslationParams } from "./params";

export const qaCheckEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/qa/check",
  operationId: "qaCheck",
  summary: "Check one paragraph's translation",
  description:
    "Runs every quality check the project has not muted on one source and target, with the project's severities, " +
    "quote style, citation patterns, dictionary words and glossaries (docs/quality-checks.md). The caller must be " +
    "a member of `projectId`. With `segmentId` (a paragraph of the project) its kind applies and each finding says " +
    "whether it is ignored. Document checks (inconsistent) need the whole document: GET /documents/{id}/qa.",
  tags: ["qa"],
  body: { json: QaCheckInput },
  response: { schema: QaCheckAnswer, description: "The findings, in check order" },
  refusals: [400, 404],
  handler: async ({ db, actor, body, lng }) => checkText(db, actor, body, getT(lng)),
});

export const documentQaEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/qa",
  operationId: "documentQa",
  summary: "Quality-check report of one target language",
  description:
    "Every finding of every paragraph in one target language, with the document checks, whether each is ignored " +
    "(and why, by whom), and counts by check and severity. `format=csv` answers a CSV file (UTF-8 with BOM) of " +
    "the findings the filter keeps.",
  tags: ["qa"],
  params: DocumentParams,
  query: DocumentQaQuery.extend({ format: z.enum(["json", "csv"]).optional().describe("json (default) or csv") }),
  response: { schema: DocumentQaAnswer, description: "The report" },
  files: { description: "The findings as CSV (format=csv)", types: { "text/csv": "UTF-8 with BOM, RFC 4180" } },
  refusals: [400, 404],
  async handler({ db, actor, params, query, lng }) {
    const t = getT(lng);
    const asked = Object.fromEntries([...query.keys()].map((k) => [k, query.getAll(k).join(",")]));
    const { format, ...filter } = asked;
    const { documentTitle, ...report } = await documentQaReport(db, actor, params.id, filter, t);
    if (format !== "csv") return report;
    const name = `qa-${documentTitle.replace(/[^\p{L}\p{N}]+/gu, "-")}-${report.lang}.csv`;
    return file(reportCsv({ documentTitle, ...report }, t), {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(name),
    });
  },
});

const IgnoreParams = TranslationParams.extend({ lang: z.string().describe("A target language of the project") });

export const qaIgnoreHistoryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/translations/{lang}/qa/ignores",
  operationId: "qaIgnoreHistory",
  summary: "Ignore marks of one paragraph's translation, with their history",
  tags: ["qa"],
  params: IgnoreParams,
  response: { schema: QaIgnoreHistory, description: "Every mark, newest first (taken back ones too)" },
  refusals: [400, 404],
  handler: async ({ db, actor, params }) => ({
    ignores: await ignoreHistory(db, actor, params.segmentId, params.lang),
  }),
});

export const qaIgnoreEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/translations/{lang}/qa/ignores",
  operationId: "qaIgnore",
  summary: "Mark a finding ignore, with a reason",
  description:
    "The mark is kept against the paragraph, the language and the finding's key, so it stays while the text " +
    "around the finding changes. Owners, translators and reviewers. A finding ignored already is refused with 409.",
  tags: ["qa"],
  params: IgnoreParams,
  body: { json: IgnoreInput },
  response: { status: 201, schema: QaIgnoreAnswer, description: "Ignored" },
  refusals: [400, 403, 404, 409],
  handler: async ({ db, actor, params, body }) =>
    created({ ignore: await ignoreFinding(db, actor, params.segmentId, params.lang, body) }),
});

export const qaUnignoreEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/qa/ignores/{id}",
  operationId: "qaUnignore",
  summary: "Take an ignore mark back",
  description: "The finding is open again. The mark stays in the paragraph's history with who took it back and when.",
  tags: ["qa"],
  params: z.object({ id: z.string().describe("The mark") }),
  response: { schema: QaIgnoreAnswer, description: "The mark, taken back" },
  refusals: [403, 404, 409],
  handler: async ({ db, actor, params }) => ({ ignore: await unignoreFinding(db, actor, params.id) }),
});

const ProjectParams = z.object({ id: z.string().describe("The project") });

export const getQaSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects/{id}/qa-settings",
  operationId: "getQaSettings",
  summary: "A project's quality-check settings",
  tags: ["qa"],
  params: ProjectParams,
  response: { schema: QaSettingsAnswer, description: "As set, and with the defaults filled in" },
  refusals: [404],
  handler: async ({ db, actor, params }) => getQaSettings(db, actor, params.id),
});

export const putQaSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/v1/projects/{id}/qa-settings",
  operationId: "putQaSettings",
  summary: "Replace a project's quality-check settings",
  description:
    "Severity per check, muted checks, quote style per target language, citation patterns (RE2 syntax), dictionary " +
    "words per target language, English spelling, the length check's sample size. A field left out goes back to " +
    "the default. Owners only.",
  tags: ["qa"],
  params: ProjectParams,
  body: { json: QaSettingsInput },
  response: { schema: QaSettingsAnswer, description: "Saved" },
  refusals: [400, 403, 404],
  handler: async ({ db, actor, params, body }) => updateQaSettings(db, actor, params.id, body),
});

export const addDictionaryWordEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/qa-settings/dictionary",
  operationId: "addDictionaryWord",
  summary: "Add a word to the project's dictionary",
  description:
    "Spelling accepts the word in the language, in any case and with the dictionary's endings. A word there " +
    "already changes nothing. Owners only.",
  tags: ["qa"],
  params: ProjectParams,
  body: { json: DictionaryWordInput },
  response: { schema: QaSettingsAnswer, description: "The settings with the word" },
  refusals: [400, 403, 404],
  handler: async ({ db, actor, params, body }) => addDictionaryWord(db, actor, params.id, body),
});
