// Endpoints of glossaries (issue #15, docs/terminology.md): a project's entries (list, add, change,
// delete), import and export, glossaries attached from other projects, and the terms recognised in a
// paragraph or loaded once by a document's editor.
import { z } from "zod";
import { requireProject } from "../../auth/access";
import { contentDisposition } from "../../exchange/export";
import { importErrorAnswer } from "../../exchange/import/http";
import { maxUploadBytes } from "../../exchange/import/limits";
import { readUpload } from "../../exchange/import/read-upload";
import { getT } from "../../i18n/server";
import { AttachInput, attachProjectGlossary, detachProjectGlossary } from "../../terms/attachments";
import { exportGlossary } from "../../terms/exchange/export-glossary";
import { importGlossary } from "../../terms/exchange/import-glossary";
import {
  addProjectEntry,
  deleteProjectEntry,
  GlossaryExportQuery,
  listProjectGlossary,
  parseExportFormat,
  updateProjectEntry,
} from "../../terms/project-glossary";
import { documentGlossary, segmentTerms } from "../../terms/segment-terms";
import { EntryInput, EntryUpdate, MAX_TERM_LENGTH } from "../../terms/validation";
import { ApiReply, created, defineEndpoint, file } from "../endpoint";
import {
  AttachedGlossaries,
  DocumentGlossary,
  GlossaryEntryAnswer,
  GlossaryImportReport,
  GlossaryList,
  SegmentTerms,
} from "../schemas/glossary";
import { DocumentParams, SegmentParams } from "./params";

const ProjectParams = z.object({ id: z.string().describe("The project") });
const EntryParams = z.object({ entryId: z.string().describe("The glossary entry") });
const PERMISSIONS =
  "Every member reads. Owners add, change and delete entries; translators and reviewers too when the project " +
  "allows it (translatorsMayEditGlossary, on by default); viewers only read. Entries of a glossary attached " +
  "from another project are read-only here: they are changed in their own project.";

export const listGlossaryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects/{id}/glossary",
  operationId: "listGlossary",
  summary: "The project's glossary entries, searched and filtered",
  description:
    "Entries of the project's own glossary and of the glossaries attached to it, ordered by term, 50 a page " +
    "(`limit` up to 500, `cursor` for the next). `q` finds a source or target term containing the text, " +
    'case-insensitively, or any inflected form of its words ("державної служби" finds "державна служба"). ' +
    PERMISSIONS,
  tags: ["glossary"],
  params: ProjectParams,
  query: z.object({
    q: z.string().max(MAX_TERM_LENGTH).optional().describe("Search text"),
    lang: z.string().optional().describe("Only entries with a translation into this language"),
    status: z
      .enum(["preferred", "admitted", "forbidden"])
      .optional()
      .describe("…of this status (with or without lang)"),
    from: z.string().optional().describe("Only the glossary of this project (the project itself or an attached one)"),
    cursor: z.string().optional(),
    limit: z.string().optional().describe("1–500, default 50"),
  }),
  response: { schema: GlossaryList, description: "Entries" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    return listProjectGlossary(db, actor, params.id, Object.fromEntries(query));
  },
});

export const createGlossaryEntryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/glossary",
  operationId: "createGlossaryEntry",
  summary: "Add an entry to the project's glossary",
  description:
    "A term of at most 300 characters, in the project's source language, with translations into the " +
    "project's target languages. A term the glossary already has (ignoring case and spacing) is not doubled: " +
    "the existing entry gets the translations and fields it lacked, and the answer says `merged`. " +
    PERMISSIONS,
  tags: ["glossary"],
  params: ProjectParams,
  body: { json: EntryInput },
  response: { status: 201, schema: GlossaryEntryAnswer, description: "The entry (new or merged into)" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body, lng }) {
    const result = await addProjectEntry(db, actor, params.id, body);
    return created(result.merged ? { ...result, message: getT(lng)("terms.createMerged") } : result);
  },
});

export const updateGlossaryEntryEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/glossary/{entryId}",
  operationId: "updateGlossaryEntry",
  summary: "Change a glossary entry",
  description:
    "Only the fields given change; `translations`, when given, replaces the entry's whole list. A new term " +
    `that another entry has is refused with 409 (details.entryId names it). ${PERMISSIONS}`,
  tags: ["glossary"],
  params: EntryParams,
  body: { json: EntryUpdate },
  response: { schema: GlossaryEntryAnswer, description: "The entry" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params, body }) {
    return updateProjectEntry(db, actor, params.entryId, body);
  },
});

export const deleteGlossaryEntryEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/glossary/{entryId}",
  operationId: "deleteGlossaryEntry",
  summary: "Delete a glossary entry",
  description: PERMISSIONS,
  tags: ["glossary"],
  params: EntryParams,
  response: { schema: z.object({ deleted: z.literal(true) }), description: "Deleted" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    await deleteProjectEntry(db, actor, params.entryId);
    return { deleted: true as const };
  },
});

const ImportForm = z.object({
  file: z.string().meta({ format: "binary" }).describe("A .tbx (TBX-Basic v3, or v2 martif) or .csv file"),
});

export const importGlossaryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/glossary/import",
  operationId: "importGlossary",
  summary: "Import a TBX or CSV file into the project's glossary",
  description:
    "The whole file is read and checked first, then written in one transaction: a refusal imports nothing. " +
    "Terms the glossary has are merged, never doubled; the report counts them. File languages map to the " +
    "project's (en-GB → en); other languages are left out and listed. Refusals are 400 `invalid_input` with " +
    "`details.reason` (glossary_type, empty, not_text, xml_malformed with `details.line`, xml_dtd, " +
    "glossary_not_tbx, glossary_columns, csv_malformed, glossary_status and glossary_term_* with " +
    "`details.unit`, glossary_empty, glossary_languages), or 413 `too_large` over PARALLEL_MAX_UPLOAD_MB. " +
    `XML with DOCTYPE declarations or entities is refused; nothing is ever fetched. ${PERMISSIONS}`,
  tags: ["glossary"],
  params: ProjectParams,
  body: { multipart: ImportForm },
  response: { status: 201, schema: GlossaryImportReport, description: "Imported" },
  refusals: [400, 403, 404, 413],
  errorAnswer: importErrorAnswer,
  async handler({ db, actor, params, request }) {
    // Before reading the upload: strangers get 404, a role that may not edit 403.
    await requireProject(db, actor, params.id, "glossary.edit");
    const { fileName, bytes } = await readUpload(request, maxUploadBytes());
    return created(await importGlossary(db, params.id, actor.userId, { fileName, bytes }));
  },
});

export const exportGlossaryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects/{id}/glossary/export",
  operationId: "exportGlossary",
  summary: "Download the project's glossary as TBX or CSV",
  description:
    "`tbx`: TBX-Basic v3 (ISO 30042:2019), `administrativeStatus` for preferred/admitted/forbidden. `csv`: " +
    "UTF-8 with BOM, a column per language with status and note columns (docs/terminology.md). Every member may export.",
  tags: ["glossary"],
  params: ProjectParams,
  query: GlossaryExportQuery,
  files: {
    description: "The file, as an attachment named after the project.",
    headers: { "Content-Disposition": "attachment with the file name" },
    types: { "application/x-tbx+xml": "TBX-Basic v3 (format=tbx)", "text/csv": "CSV (format=csv)" },
  },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    await requireProject(db, actor, params.id, "project.read");
    const { format } = parseExportFormat(query);
    const result = await exportGlossary(db, params.id, format);
    return file(result.body, {
      "Content-Type": result.contentType,
      "Content-Disposition": contentDisposition(result.fileName),
      "X-Content-Type-Options": "nosniff",
    });
  },
});

export const attachGlossaryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/glossary/attached",
  operationId: "attachGlossary",
  summary: "Use another project's glossary here, read-only",
  description:
    "Its terms are recognised in this project's documents and listed in its glossary, read-only. You must own " +
    "both projects, and they must have the same source language. Attaching twice changes nothing.",
  tags: ["glossary"],
  params: ProjectParams,
  body: { json: AttachInput },
  response: { status: 201, schema: AttachedGlossaries, description: "The glossaries attached now" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return created(await attachProjectGlossary(db, actor, params.id, body));
  },
});

export const detachGlossaryEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/projects/{id}/glossary/attached/{projectId}",
  operationId: "detachGlossary",
  summary: "Stop using another project's glossary here",
  description: "Owners of this project only. The other project's glossary itself is not touched.",
  tags: ["glossary"],
  params: ProjectParams.extend({ projectId: z.string().describe("The project whose glossary is attached") }),
  response: { schema: AttachedGlossaries, description: "The glossaries still attached" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    return detachProjectGlossary(db, actor, params.id, params.projectId);
  },
});

export const segmentTermsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/terms",
  operationId: "segmentTerms",
  summary: "The glossary terms found in a paragraph's source",
  description:
    "Each term found, in any inflected form (docs/terminology.md), with its span in the source text and the " +
    "entry's translations into `target` (default: every target language of the project). Overlapping terms are " +
    "resolved longest-first. The ETag header is the glossaries' stamp.",
  tags: ["glossary"],
  params: SegmentParams,
  query: z.object({ target: z.string().optional().describe("A target language of the project") }),
  response: { schema: SegmentTerms, description: "Terms in position order" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    const { terms, stamp } = await segmentTerms(db, actor, params.segmentId, query.get("target"));
    return new ApiReply(200, { json: { terms } }, { ETag: `"${encodeURIComponent(stamp)}"` });
  },
});

export const documentGlossaryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/glossary",
  operationId: "documentGlossary",
  summary: "Every glossary entry recognised in a document, for recognition in the client",
  description:
    "The entries of the project's glossary and the attached ones in the document's source language, with the " +
    "stamp they were read at. An editor loads them once per page and recognises terms itself (lib/terms is " +
    "isomorphic). Asked with `stamp` equal to the current one, the answer may be kept by the browser " +
    "(Cache-Control: private, immutable): a changed glossary has a new stamp, hence a new address.",
  tags: ["glossary"],
  params: DocumentParams,
  query: z.object({ stamp: z.string().optional().describe("The stamp the page was rendered with") }),
  response: { schema: DocumentGlossary, description: "Entries" },
  refusals: [404],
  async handler({ db, actor, params, query }) {
    const glossary = await documentGlossary(db, actor, params.id);
    const current = query.get("stamp") === glossary.stamp;
    return new ApiReply(
      200,
      { json: glossary },
      current ? { "Cache-Control": "private, max-age=31536000, immutable" } : {},
    );
  },
});
