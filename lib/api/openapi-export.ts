// The OpenAPI path of the export route, to be merged into `paths` in openapi.ts.
import { exportFormats } from "../exchange/types";
import { commonResponses, param } from "./openapi-schemas";

const file = (type: string, description: string) => ({
  [type]: { schema: { type: "string", format: "binary" }, description },
});

const documentExport = {
  get: {
    operationId: "exportDocument",
    summary: "Download a document as a file",
    description:
      "The document in an exchange format, sent as an attachment and streamed as it is read (DOCX excepted). " +
      "Bilingual formats (`tmx`, `xliff12`, `xliff20`, `csv`, `tsv`) carry every text, status, author, date and note, " +
      "so they can be imported back; `docx` is a side-by-side table, `docx-target` and `txt` the translation alone. " +
      "`kk-Latn` is the Kazakh translation in the 2021 Latin alphabet. Every project role may export. The field-by-field " +
      "mapping of each format is in docs/exchange.md.",
    tags: ["documents"],
    parameters: [
      param("id", "path", "The document", { type: "string" }),
      param("format", "query", "The file format", { type: "string", enum: [...exportFormats] }),
      param(
        "target",
        "query",
        "Target languages of the project, comma-separated or repeated, in the order wanted; `kk-Latn` when the " +
          "project has `kk`. Default: all of them (the first one for `docx-target` and `txt`, which take exactly one).",
        { type: "string", example: "en,kk" },
        false,
      ),
      param(
        "approvedOnly",
        "query",
        "Only approved translations (others are left out; TMX leaves out paragraphs without one). The last value " +
          "given counts, so a form can send a hidden 0 before its checkbox.",
        { type: "string", enum: ["1", "0", "true", "false", "yes", "no", "on", "off"], default: "0" },
        false,
      ),
      param(
        "notes",
        "query",
        "Include reviewer notes (`0` to leave them out). The last value given counts.",
        { type: "string", enum: ["1", "0", "true", "false", "yes", "no", "on", "off"], default: "1" },
        false,
      ),
      { $ref: "#/components/parameters/AcceptLanguage" },
    ],
    responses: {
      "200": {
        description:
          "The file. `Content-Disposition: attachment; filename=\"…\"; filename*=UTF-8''…` names it after the " +
          "document title, the targets and the format.",
        headers: {
          "Content-Disposition": { schema: { type: "string" }, description: "attachment with the file name" },
        },
        content: {
          ...file("application/x-tmx+xml", "TMX 1.4b (format=tmx)"),
          ...file("application/xliff+xml", "XLIFF 1.2 or 2.0 (format=xliff12, xliff20)"),
          ...file("text/csv", "CSV, UTF-8 with BOM, RFC 4180 (format=csv)"),
          ...file("text/tab-separated-values", "TSV, UTF-8 (format=tsv)"),
          ...file(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "DOCX (format=docx, docx-target)",
          ),
          ...file("text/plain", "Plain text, one paragraph a line (format=txt)"),
        },
      },
      "400": { $ref: "#/components/responses/InvalidInput" },
      "404": { $ref: "#/components/responses/NotFound" },
      ...commonResponses,
    },
  },
};

export const exportPaths: Record<string, object> = {
  "/api/v1/documents/{id}/export": documentExport,
};
