// Endpoints of documents: the list, a document's segments, the export download.
import { z } from "zod";
import { requireDocument } from "../../auth/access";
import { isAppError } from "../../errors";
import { contentDisposition, exportDocument, parseExportQuery } from "../../exchange/export";
import { Flag as ExportFlag, Format as ExportFormat, UntranslatedChoice } from "../../exchange/export/query";
import { type ApiRequest, defineEndpoint, file, seeOther } from "../endpoint";
import { documentSegments, listDocumentsFor } from "../queries";
import { DocumentList, SegmentList } from "../schemas/documents";
import { DocumentParams } from "./params";

export const listDocumentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents",
  operationId: "listDocuments",
  summary: "Documents you can see",
  description:
    "Every document of every project you are a member of, with its size and, per target language, how many " +
    "segments are in each status. `translatedWords` sums the words of segments translated, reviewed or approved.",
  tags: ["documents"],
  response: { schema: DocumentList, description: "The documents" },
  refusals: [],
  async handler({ db, actor }) {
    return { documents: await listDocumentsFor(db, actor.userId) };
  },
});

export const listSegmentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/segments",
  operationId: "listSegments",
  summary: "A document's segments with one language's translations",
  tags: ["documents"],
  params: DocumentParams,
  query: z.object({ target: z.string().optional().describe("A target language of the project; default: its first") }),
  response: { schema: SegmentList, description: "Segments in position order" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    const { document, access } = await requireDocument(db, actor, params.id, "project.read");
    return documentSegments(db, document, access.targetLangs, query.get("target"));
  },
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const exportDocumentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/export",
  operationId: "exportDocument",
  summary: "Download a document as a file",
  description:
    "The document in an exchange format, sent as an attachment and streamed as it is read (DOCX excepted). " +
    "Bilingual formats (`tmx`, `xliff12`, `xliff20`, `csv`, `tsv`) carry every text, status, author, date and note, " +
    "so they can be imported back; `docx` is a side-by-side table, `docx-target` and `txt` the translation alone. " +
    "`kk-Latn` is the Kazakh translation in the 2021 Latin alphabet. Every project role may export. The field-by-field " +
    "mapping of each format is in docs/exchange.md. Options that cannot work together are refused with 400 and a " +
    "translated message; when a browser's form navigation (`Sec-Fetch-Mode: navigate`) sent them, the answer is a " +
    "303 back to the export page, which shows that message instead of a page of JSON.",
  tags: ["documents"],
  params: DocumentParams,
  query: z.object({
    format: ExportFormat.describe("The file format"),
    target: z
      .string()
      .optional()
      .describe(
        "Target languages of the project, comma-separated or repeated, in the order wanted; `kk-Latn` when the " +
          "project has `kk`. Default: all of them (the first one for `docx-target` and `txt`, which take exactly one).",
      ),
    approvedOnly: ExportFlag.optional().describe(
      "Only approved translations (others are left out; TMX leaves out paragraphs without one). The last value " +
        "given counts, so a form can send a hidden 0 before its checkbox. Default 0.",
    ),
    notes: ExportFlag.optional().describe(
      "Include reviewer notes (`0` to leave them out). The last value given counts. Default 1.",
    ),
    untranslated: UntranslatedChoice.optional().describe(
      "`docx-target` and `txt`: a paragraph without a translation is written as its source text (`source`, default) " +
        "or left out (`omit`).",
    ),
    withoutQaErrors: ExportFlag.optional().describe(
      "Only translations without open quality-check errors (errors not marked ignore; an empty translation is " +
        "one): others are left out, as with approvedOnly. The last value given counts. Default 0.",
    ),
  }),
  files: {
    description:
      "The file. `Content-Disposition: attachment; filename=\"…\"; filename*=UTF-8''…` names it after the " +
      "document title, the targets and the format.",
    headers: { "Content-Disposition": "attachment with the file name" },
    types: {
      "application/x-tmx+xml": "TMX 1.4b (format=tmx)",
      "application/xliff+xml": "XLIFF 1.2 or 2.0 (format=xliff12, xliff20)",
      "text/csv": "CSV, UTF-8 with BOM, RFC 4180 (format=csv)",
      "text/tab-separated-values": "TSV, UTF-8 (format=tsv)",
      [DOCX]: "DOCX (format=docx, docx-target)",
      "text/plain": "Plain text, one paragraph a line (format=txt)",
    },
  },
  refusals: [400, 404],
  async handler({ db, actor, params, query, lng, request }) {
    const { document, access } = await requireDocument(db, actor, params.id, "document.export");
    let options: ReturnType<typeof parseExportQuery>;
    try {
      options = parseExportQuery(query, access.targetLangs, lng);
    } catch (error) {
      if (isAppError(error) && isFormNavigation(request)) {
        const back = new URLSearchParams(query);
        back.set("refused", String(error.details?.reason ?? error.code));
        return seeOther(`/${lng}/documents/${document.id}/export?${back}`);
      }
      throw error;
    }
    const result = await exportDocument(db, document.id, options);
    return file(result.body, {
      "Content-Type": result.contentType,
      "Content-Disposition": contentDisposition(result.filename),
      "X-Content-Type-Options": "nosniff",
    });
  },
});

/** A page the browser is navigating to (a submitted form), rather than a script's request. */
function isFormNavigation(request: ApiRequest): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate" && request.headers.get("sec-fetch-dest") === "document";
}
