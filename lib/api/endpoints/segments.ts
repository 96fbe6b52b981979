// Endpoints of source paragraphs: read one or several, edit the text, split at a point, merge with the next.

import { z } from "zod";
import { MAX_LISTED_SEGMENTS } from "../../live/events";
import { editSource } from "../../segments/edit-source";
import { mergeWithNext } from "../../segments/merge";
import { readParagraph, readParagraphs } from "../../segments/read-paragraph";
import { splitSegment } from "../../segments/split";
import { defineEndpoint } from "../endpoint";
import {
  MergeAnswer,
  ParagraphAnswer,
  ParagraphsAnswer,
  SourceAnswer,
  SourceConflictError,
  SplitAnswer,
} from "../schemas/projects";
import { EditSourceRequest, SplitRequest } from "../schemas/requests";
import { DocumentParams, SegmentParams } from "./params";

const who =
  "Owners, and translators when the project allows them to edit the source (`translatorsMayEditSource`). " +
  "Undo is in the paragraph's history in the editor. Cookie-authenticated calls need an Origin (or Referer) header of this site.";

export const readParagraphEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}",
  operationId: "readParagraph",
  summary: "A source paragraph with its translations",
  description:
    "The paragraph's text, kind, position and source version, with each target language's translation and its " +
    '"source changed" mark. An open editor reads the paragraphs a `document.changed` event names (a split, a merge, ' +
    "an undo, a source edit) to show them in place. Any member of the project; others get 404.",
  tags: ["documents"],
  params: SegmentParams,
  response: { schema: ParagraphAnswer, description: "The paragraph" },
  refusals: [404],
  async handler({ db, actor, params }) {
    return readParagraph(db, actor, params.segmentId);
  },
});

export const readParagraphsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/paragraphs",
  operationId: "readParagraphs",
  summary: "Several source paragraphs of a document with their translations",
  description:
    "The paragraphs named in `ids`, each as `GET /api/v1/segments/{segmentId}` answers it, in position order. An " +
    "open editor reads the rows a `document.changed` event's `paragraphChanges` names (a source update, a restore " +
    "from the bin) to show them in place. Ids that are not the document's paragraphs are left out. Any member of " +
    `the project; others get 404. At most ${MAX_LISTED_SEGMENTS} ids (400, reason too_many_ids).`,
  tags: ["documents"],
  params: DocumentParams,
  query: z.object({ ids: z.string().describe(`Segment ids, comma-separated (at most ${MAX_LISTED_SEGMENTS})`) }),
  response: { schema: ParagraphsAnswer, description: "The paragraphs" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    const ids = (query.get("ids") ?? "").split(",").filter((id) => id !== "");
    return readParagraphs(db, actor, params.id, { ids });
  },
});

export const editSourceEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/segments/{segmentId}",
  operationId: "editSource",
  summary: "Edit a source paragraph",
  description:
    "Saves against the source version the edit started from (`baseVersion`); if someone changed it since, " +
    "nothing is written and 409 returns the source as it is now. Translations of the paragraph become drafts " +
    `marked "source changed"; the old text stays in the paragraph's source history. ${who}`,
  tags: ["documents"],
  params: SegmentParams,
  body: { json: EditSourceRequest },
  response: { schema: SourceAnswer, description: "Saved" },
  refusals: [400, 403, 404, 409],
  conflict: { schema: SourceConflictError, description: "Someone changed the source since; `error.current` holds it" },
  async handler({ db, actor, params, body }) {
    const saved = await editSource(db, actor, params.segmentId, body);
    return { segment: { id: saved.segmentId, source: saved.source, version: saved.version } };
  },
});

export const splitSegmentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/split",
  operationId: "splitSegment",
  summary: "Split a paragraph in two",
  description:
    "Cuts the source at `offset` (UTF-16 code units; not at either end, never inside a character). Each " +
    "translation is cut at `targetOffsets[lang]`, or by default stays whole with the first part, marked " +
    '"source changed". Notes anchored after the cut move to the second part. Positions after it move down by one ' +
    `(409 if the document's paragraphs changed meanwhile). ${who}`,
  tags: ["documents"],
  params: SegmentParams,
  body: { json: SplitRequest },
  response: { schema: SplitAnswer, description: "Split" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params, body }) {
    return splitSegment(db, actor, params.segmentId, body);
  },
});

export const mergeSegmentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/merge",
  operationId: "mergeSegment",
  summary: "Merge a paragraph with the next one",
  description:
    "Source and translations are joined with one space; each translation takes the lower status of the two; the " +
    "second paragraph's notes move to the merged one with their offsets shifted, and the paragraph itself goes to " +
    `the document's bin. The last paragraph cannot be merged (400, reason merge_last). ${who}`,
  tags: ["documents"],
  params: SegmentParams,
  response: { schema: MergeAnswer, description: "Merged" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params }) {
    return mergeWithNext(db, actor, params.segmentId);
  },
});
