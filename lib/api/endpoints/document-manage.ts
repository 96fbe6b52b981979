// Endpoints that arrange a project's documents: rename and reorder, trash and restore, the original
// file, and a new version of the source.
import { z } from "zod";
import { requireDocument } from "../../auth/access";
import { manageDocumentAnswer } from "../../documents/document-answer";
import { updateDocument } from "../../documents/manage";
import { fileTypes, latestFile } from "../../documents/original-file";
import { purgeDocument, restoreDocument, trashDocument } from "../../documents/trash";
import { updateSource } from "../../documents/update-source/update-source";
import { AppError } from "../../errors";
import { contentDisposition } from "../../exchange/export";
import { importErrorAnswer } from "../../exchange/import/http";
import { maxUploadBytes } from "../../exchange/import/limits";
import { readUpload } from "../../exchange/import/read-upload";
import { defineEndpoint, file } from "../endpoint";
import { Deleted, DocumentAnswer, Restored, SourceUpdateCounts } from "../schemas/projects";
import { UpdateDocumentRequest } from "../schemas/requests";
import { DocumentParams } from "./params";

const sameSite = "Cookie-authenticated calls need an Origin (or Referer) header of this site.";

export const updateDocumentEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/documents/{id}",
  operationId: "updateDocument",
  summary: "Rename a document, or move it in its project's list",
  description: `Owners only. ${sameSite}`,
  tags: ["documents"],
  params: DocumentParams,
  body: { json: UpdateDocumentRequest },
  response: { schema: DocumentAnswer, description: "The document as it is now" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    await updateDocument(db, actor, params.id, body);
    return { document: await manageDocumentAnswer(db, params.id) };
  },
});

export const deleteDocumentEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/documents/{id}",
  operationId: "deleteDocument",
  summary: "Move a document to the trash, or delete one in the trash for good",
  description:
    "Owners only. A document in the trash is restorable (POST …/restore) until it is removed for good " +
    "PARALLEL_TRASH_DAYS (default 30) days later. With `forever=true`, a document already in the trash is deleted " +
    `for good at once; \`confirmTitle\` must be its title exactly. ${sameSite}`,
  tags: ["documents"],
  params: DocumentParams,
  query: z.object({
    forever: z.enum(["true", "false"]).optional().describe("Delete a document that is in the trash for good"),
    confirmTitle: z.string().optional().describe("With forever=true: the document's title, typed"),
  }),
  response: { schema: Deleted, description: "Deleted" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, query }) {
    if (query.get("forever") === "true") {
      await purgeDocument(db, actor, params.id, query.get("confirmTitle"));
      return { id: params.id, deleted: "forever" as const, purgeAt: null };
    }
    const purgeAt = await trashDocument(db, actor, params.id);
    return { id: params.id, deleted: "trash" as const, purgeAt: purgeAt.toISOString() };
  },
});

export const restoreDocumentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/documents/{id}/restore",
  operationId: "restoreDocument",
  summary: "Restore a document from the trash",
  description: `Owners only. ${sameSite}`,
  tags: ["documents"],
  params: DocumentParams,
  response: { schema: Restored, description: "Restored" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    await restoreDocument(db, actor, params.id);
    return { id: params.id, restoredFrom: "trash" as const };
  },
});

export const originalFileEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/original",
  operationId: "downloadOriginal",
  summary: "Download the source file the document was made from",
  description:
    "The file exactly as it was uploaded: the import that created the document, or the latest source update. " +
    "404 for a document made before files were kept.",
  tags: ["documents"],
  params: DocumentParams,
  files: {
    description: "The file, as an attachment under its own name",
    headers: { "Content-Disposition": "attachment with the file's name" },
    types: Object.fromEntries(Object.entries(fileTypes).map(([format, type]) => [type.split(";")[0], format])),
  },
  refusals: [404],
  async handler({ db, actor, params }) {
    await requireDocument(db, actor, params.id, "document.export");
    const stored = await latestFile(db, params.id);
    if (!stored) throw new AppError("not_found", { reason: "no_original" });
    return file(stored.bytes, {
      "Content-Type": fileTypes[stored.format] ?? "application/octet-stream",
      "Content-Disposition": contentDisposition(stored.fileName),
      "Content-Length": String(stored.size),
      "X-Content-Type-Options": "nosniff",
    });
  },
});

export const updateSourceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/documents/{id}/source",
  operationId: "updateSource",
  summary: "Upload a new version of a document's source",
  description:
    "Owners only. Any importable source format (.txt, .md, .docx; a bilingual file's source text). Paragraphs are " +
    "matched to the old version: identical ones first, then moved ones, then changed ones at 70 % similarity or " +
    "more, in order. Identical ones keep translations, statuses and notes; changed ones keep their translation as " +
    'a draft marked "source changed" (the editor shows a word diff of the old and new source until someone ' +
    "confirms); new ones are empty; removed ones go to the document's bin with their translations and notes. " +
    "`dryRun=true` only counts. Otherwise everything is applied in one transaction, recorded as one event of the " +
    "document (409 if its paragraphs were split, merged or updated meanwhile: preview again). Refusals as for an " +
    `import (400 with \`details.reason\`, 413 over PARALLEL_MAX_UPLOAD_MB). ${sameSite}`,
  tags: ["documents"],
  params: DocumentParams,
  query: z.object({ dryRun: z.enum(["true", "false"]).optional().describe("Only count what would change") }),
  body: { multipart: z.object({ file: z.string().meta({ format: "binary" }).describe("The new source file") }) },
  response: {
    schema: SourceUpdateCounts,
    description: "What was (or, with dryRun, would be) kept, changed, added, removed",
  },
  refusals: [400, 403, 404, 409, 413],
  errorAnswer: importErrorAnswer,
  async handler({ db, actor, params, query, request }) {
    // Strangers and other roles are refused before the upload is read.
    await requireDocument(db, actor, params.id, "document.manage");
    const { fileName, bytes } = await readUpload(request, maxUploadBytes());
    return updateSource(db, actor, params.id, { fileName, bytes }, { dryRun: query.get("dryRun") === "true" });
  },
});
