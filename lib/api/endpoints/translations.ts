// Endpoints of one translation: save it, read its history; find and replace across a document, and
// undoing a replace.
import { z } from "zod";
import { AppError } from "../../errors";
import { afterConfirm } from "../../tm/after-confirm";
import { undoBulkEdit } from "../../translations/bulk-edits";
import { listRevisions } from "../../translations/history";
import { readTranslation } from "../../translations/read";
import { findReplace, ReplaceInput } from "../../translations/replace";
import { saveTranslation } from "../../translations/save";
import { SaveTranslationBody } from "../../translations/validation";
import { defineEndpoint } from "../endpoint";
import { MAX_BODY_BYTES } from "../handler";
import {
  ReplaceAnswer,
  RevisionList,
  SaveTranslationAnswer,
  TranslationAnswer,
  UndoBulkEditAnswer,
} from "../schemas/translations";
import { DocumentParams, TranslationParams } from "./params";

/** The production server answers this one without Next (lib/server/save-endpoint.ts), through the same pipeline. */
export const saveTranslationEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/v1/segments/{segmentId}/translations/{lang}",
  operationId: "saveTranslation",
  summary: "Save a translation",
  description:
    "Saves against the version the edit started from (`baseVersion`; 0 for a translation never saved). If someone " +
    "saved since, nothing is written: 409 returns the current translation to merge with. Without `status`, a " +
    "changed text becomes draft and an emptied one new. Which statuses may be set depends on your project role. " +
    "A save whose text and status are what is saved already writes nothing (no new version, no revision) and " +
    "answers with the current version; like any save it needs the right to edit text (403 otherwise). " +
    `The body must be JSON of at most ${MAX_BODY_BYTES} bytes. Cookie-authenticated calls need an Origin (or ` +
    "Referer) header of this site.",
  tags: ["translations"],
  params: TranslationParams,
  body: { json: SaveTranslationBody },
  response: { schema: SaveTranslationAnswer, description: "Saved" },
  refusals: [400, 403, 404, 409, 413],
  async handler({ db, actor, params, body }) {
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw new AppError("invalid_input", { field: "body", reason: "not_an_object" });
    }
    // The path names the segment and language; the body cannot point the save elsewhere.
    const translation = await saveTranslation(db, actor, { ...body, segmentId: params.segmentId, lang: params.lang });
    afterConfirm(db, params.segmentId, params.lang, translation.status);
    return { translation };
  },
});

/** What a live editor reads when the stream says a translation changed (answered without Next too). */
export const getTranslationEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/translations/{lang}",
  operationId: "getTranslation",
  summary: "A translation as saved now",
  description:
    "Text, status, version and who saved it last; a language never saved yet reads as empty and new, version 0.",
  tags: ["translations"],
  params: TranslationParams,
  response: { schema: TranslationAnswer, description: "The translation" },
  refusals: [400, 404],
  async handler({ db, actor, params }) {
    return { translation: await readTranslation(db, actor, params.segmentId, params.lang) };
  },
});

export const listRevisionsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/translations/{lang}/revisions",
  operationId: "listRevisions",
  summary: "Every saved version of a translation, newest first",
  tags: ["translations"],
  params: TranslationParams,
  response: { schema: RevisionList, description: "The revisions" },
  refusals: [404],
  async handler({ db, actor, params }) {
    return { revisions: await listRevisions(db, actor, params.segmentId, params.lang) };
  },
});

export const findReplaceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/documents/{id}/replace",
  operationId: "findReplace",
  summary: "Find and replace in a document's translations",
  description:
    "Literal text, case-insensitive unless `matchCase`. Without `apply`, only a preview of every change. With " +
    "`apply`, all changes are written in one transaction, each as a new revision; `segmentIds` limits them to " +
    "the previewed ones. Reviewed and approved translations go back to translated. A replaced text is held to " +
    "the rules of a save: one that would be empty or too long is not written and is listed in `refused` (in " +
    "the preview too); a replacement with control characters is refused as a whole (400).",
  tags: ["translations"],
  params: DocumentParams,
  body: { json: ReplaceInput },
  response: { schema: ReplaceAnswer, description: "The changes (applied or previewed)" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return findReplace(db, actor, params.id, body);
  },
});

export const undoBulkEditEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/bulk-edits/{id}/undo",
  operationId: "undoBulkEdit",
  summary: "Undo a find and replace in one step",
  description:
    "Every paragraph still as the replace left it gets its earlier text and status back, as a new version (the " +
    "history keeps both), in one transaction. Paragraphs saved since are left as they are and listed in " +
    "`skipped`. Its author or an owner may undo it, once (400 `already_undone` after).",
  tags: ["translations"],
  params: z.object({ id: z.string().describe("The bulk edit (`bulkEditId` of the replace)") }),
  response: { schema: UndoBulkEditAnswer, description: "Undone" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params }) {
    return undoBulkEdit(db, actor, params.id);
  },
});
