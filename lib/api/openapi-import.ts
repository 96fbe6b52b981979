// OpenAPI path object for importing a file into a project (lib/exchange/import, docs/exchange.md).
import { importFormats } from "../exchange/import/types";
import { acceptLanguageParam, jsonBody, param } from "./openapi-schemas";

const importReport = {
  type: "object",
  required: ["documentId", "created", "format", "segments", "translations", "notes", "mismatches"],
  properties: {
    documentId: { type: "string" },
    created: { type: "boolean", description: "true: a new document; false: an existing one was updated" },
    format: { type: "string", enum: [...importFormats] },
    segments: { type: "integer", minimum: 0, description: "Paragraphs created, or matched in an update" },
    translations: { type: "integer", minimum: 0, description: "Translations saved as a new version" },
    notes: { type: "integer", minimum: 0, description: "Notes and replies added" },
    mismatches: {
      type: "array",
      description: "Update only: paragraphs of the file whose source differs from the document's; not applied",
      items: {
        type: "object",
        required: ["position", "expected", "found"],
        properties: {
          position: { type: "integer", minimum: 1 },
          expected: { type: ["string", "null"], description: "The document's paragraph, null if it has none there" },
          found: { type: "string", description: "The file's source text" },
        },
      },
    },
  },
};

export const importPaths: Record<string, object> = {
  "/api/v1/projects/{id}/documents": {
    post: {
      operationId: "importDocument",
      summary: "Import a file as a new document, or into a document's translations",
      description:
        "Source files (.txt in UTF-8, UTF-16 with BOM or Windows-1251, one paragraph a line or a blank-line " +
        "block; .md; .docx) create a new document. Bilingual files (TMX 1.4b, XLIFF 1.2 and 2.0, our CSV and " +
        "TSV, docs/exchange.md) create a document with translations, statuses and notes (`mode=new`), or update " +
        "the translations of `documentId` (`mode=update`): a paragraph applies only where position and source " +
        "text both match, the others are listed in `mismatches`; a translation is saved as a new version only " +
        "when its text or status differs. The file's source language must be the project's and its targets " +
        "among the project's languages. Everything is one transaction: a refusal imports nothing. Refusals are " +
        "400 `invalid_input` with `details.reason` (e.g. unsupported_type, empty, xml_malformed with " +
        "`details.line`, xml_dtd, not_zip, zip_bomb, languages, text_too_long with `details.unit`), or 413 " +
        "`too_large` over PARALLEL_MAX_UPLOAD_MB (default 50). XML with an internal DTD subset or entity " +
        "declarations is refused; nothing is ever fetched. `mode=new` needs the owner role; `mode=update` the " +
        "right to edit translations, and statuses are limited to those the role may set. Cookie-authenticated " +
        "calls need an Origin (or Referer) header of this site.",
      tags: ["documents"],
      parameters: [param("id", "path", "The project", { type: "string" }), acceptLanguageParam],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: {
                file: { type: "string", format: "binary", description: "The file; its name's extension matters" },
                mode: { type: "string", enum: ["new", "update"], default: "new" },
                documentId: { type: "string", description: "The document to update (mode=update)" },
                title: { type: "string", maxLength: 200, description: "The new document's title (mode=new)" },
              },
            },
          },
        },
      },
      responses: {
        "201": jsonBody("Imported", importReport),
        "400": { $ref: "#/components/responses/InvalidInput" },
        "401": { $ref: "#/components/responses/Unauthenticated" },
        "403": { $ref: "#/components/responses/Forbidden" },
        "404": { $ref: "#/components/responses/NotFound" },
        "413": { $ref: "#/components/responses/TooLarge" },
        "500": { $ref: "#/components/responses/Internal" },
      },
    },
  },
};
