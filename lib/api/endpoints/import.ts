// POST /api/v1/projects/{id}/documents: import a file into a project (lib/exchange/import, docs/exchange.md),
// once one of the server's import slots is free (lib/exchange/import/slots.ts); GET
// /api/v1/imports/{ticket}: where the caller's waiting import is.
import { z } from "zod";
import { requireDocument, requireProject } from "../../auth/access";
import { lockedStatuses, mayImport, statusesFor } from "../../auth/permissions";
import { AppError } from "../../errors";
import { importError } from "../../exchange/import/errors";
import { importErrorAnswer } from "../../exchange/import/http";
import { importDocument } from "../../exchange/import/import-document";
import { maxUploadBytes } from "../../exchange/import/limits";
import { readUpload } from "../../exchange/import/read-upload";
import { importSlots, MAX_RUNNING_IMPORTS, MAX_WAITING_IMPORTS, TICKET } from "../../exchange/import/slots";
import { created, defineEndpoint } from "../endpoint";
import { ImportPlace, ImportReport } from "../schemas/imports";

const ImportForm = z.object({
  file: z.string().meta({ format: "binary" }).describe("The file; its name's extension matters"),
  mode: z.enum(["new", "update"]).default("new"),
  documentId: z.string().optional().describe("The document to update (mode=update)"),
  title: z.string().max(200).optional().describe("The new document's title (mode=new)"),
  ticket: z
    .string()
    .regex(TICKET)
    .optional()
    .describe("A random name of the caller's choosing, to follow the import's place in line"),
});

export const importDocumentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/documents",
  operationId: "importDocument",
  summary: "Import a file as a new document, or into a document's translations",
  description:
    "Source files (.txt in UTF-8, UTF-16 with BOM or Windows-1251, one paragraph a line or a blank-line " +
    "block; .md; .docx) create a new document. Bilingual files (TMX 1.4b, XLIFF 1.2 and 2.0, our CSV and " +
    "TSV, docs/exchange.md) create a document with translations, statuses and notes (`mode=new`), or update " +
    "the translations of `documentId` (`mode=update`): a paragraph applies only where position and source " +
    "text both match, the others are listed in `mismatches`; a translation is saved as a new version only " +
    "when its text or status differs. The file's source language must be the project's and its targets " +
    "among the project's languages. The file is read and checked first, then everything is written in one " +
    "short transaction: a refusal imports nothing. Imported notes and replies are the importer's; the author " +
    "and date the file gives are kept as `fromFile` on each note. Refusals are " +
    "400 `invalid_input` with `details.reason` (e.g. unsupported_type, empty, xml_malformed with " +
    "`details.line`, xml_dtd, not_zip, zip_bomb, languages, text_too_long with `details.unit`), or 413 " +
    "`too_large` over PARALLEL_MAX_UPLOAD_MB (default 50). XML with an internal DTD subset or entity " +
    "declarations is refused; nothing is ever fetched. `mode=new` needs the owner role; `mode=update` the " +
    "right to edit translations; a status the role may not set is not applied and listed in `downgraded`. " +
    "Cookie-authenticated calls need an Origin (or Referer) header of this site. " +
    `A server parses and writes at most ${MAX_RUNNING_IMPORTS} imports at once: once the file is uploaded, ` +
    "this request waits for a free slot, first come first served, and then answers as usual (follow its " +
    "place in line with `ticket` and GET /api/v1/imports/{ticket}). When " +
    `${MAX_WAITING_IMPORTS} imports are already waiting it is refused at once with 429 \`rate_limited\` ` +
    "(`details.reason` imports_busy) and a Retry-After header; nothing was imported.",
  tags: ["documents"],
  params: z.object({ id: z.string().describe("The project") }),
  body: { multipart: ImportForm },
  response: { status: 201, schema: ImportReport, description: "Imported" },
  refusals: [400, 403, 404, 413, 429],
  errorAnswer: importErrorAnswer,
  async handler({ db, actor, params, request }) {
    // Before reading the upload: strangers get 404, and a role that may do neither kind of import 403.
    const member = await requireProject(db, actor, params.id, "project.read");
    if (!mayImport(member.role, member.policy)) throw new AppError("forbidden", { action: "document.create" });

    const { fileName, bytes, fields } = await readUpload(request, maxUploadBytes());
    const mode = fields.mode || "new";
    if (mode !== "new" && mode !== "update")
      throw importError("mode", 'mode must be "new" or "update".', { value: mode });
    const ticket = fields.ticket || null;
    if (ticket !== null && !TICKET.test(ticket))
      throw importError("ticket", "ticket must be 16 to 64 letters, digits, - or _.", { field: "ticket" });
    let access = member;
    if (mode === "new") access = await requireProject(db, actor, params.id, "document.create");
    else {
      if (!fields.documentId) throw importError("document_required", "Name the document to update (documentId).");
      const found = await requireDocument(db, actor, fields.documentId, "translation.edit");
      if (found.document.projectId !== params.id) throw new AppError("not_found", { field: "documentId" });
      access = found.access;
    }
    // Statuses as the role may set them; the others are downgraded and listed in the report.
    const allowedStatuses = statusesFor(access.role, access.policy);
    // Approved work stays as it is for a role that may not change it, and is listed in the report.
    const locked = lockedStatuses(access.role, access.policy);
    const report = await importSlots.run(
      { ticket, userId: actor.userId },
      () =>
        importDocument(db, {
          projectId: params.id,
          fileName,
          bytes,
          mode,
          documentId: fields.documentId || undefined,
          title: fields.title,
          userId: actor.userId,
          allowedStatuses,
          lockedStatuses: locked,
        }),
      request.signal,
    );
    return created(report);
  },
});

export const importPlaceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/imports/{ticket}",
  operationId: "importPlace",
  summary: "Where an import sent with this ticket is: running, or waiting with its place in line",
  description:
    "Only for the account that sent the import. 404 when there is no such import in this server: unknown, " +
    "someone else's, or already answered.",
  tags: ["documents"],
  params: z.object({ ticket: z.string().describe("The ticket sent with the import") }),
  response: { schema: ImportPlace, description: "Its state" },
  refusals: [404],
  async handler({ actor, params }) {
    const state = TICKET.test(params.ticket) ? importSlots.state(params.ticket, actor.userId) : null;
    if (!state) throw new AppError("not_found");
    return { ticket: params.ticket, ...state };
  },
});
