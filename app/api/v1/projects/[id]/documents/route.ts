// POST /api/v1/projects/{id}/documents: import a file (multipart: file, mode new|update, documentId, title).
import { apiRoute, json } from "@/lib/api/handler";
import { requireDocument, requireProject } from "@/lib/auth/access";
import { roleAllows, statusesFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { importError } from "@/lib/exchange/import/errors";
import { importErrorResponse } from "@/lib/exchange/import/http";
import { importDocument } from "@/lib/exchange/import/import-document";
import { maxUploadBytes } from "@/lib/exchange/import/limits";
import { readUpload } from "@/lib/exchange/import/read-upload";

export const POST = apiRoute<{ id: string }>(async ({ req, db, actor, params, lng }) => {
  try {
    // Before reading the upload: strangers get 404, and a role that may do neither kind of import 403.
    const member = await requireProject(db, actor, params.id, "project.read");
    if (
      !roleAllows(member.role, "document.create", member.policy) &&
      !roleAllows(member.role, "translation.edit", member.policy)
    )
      throw new AppError("forbidden", { action: "document.create" });

    const { fileName, bytes, fields } = await readUpload(req, maxUploadBytes());
    const mode = fields.mode || "new";
    if (mode !== "new" && mode !== "update")
      throw importError("mode", 'mode must be "new" or "update".', { value: mode });
    let access = member;
    if (mode === "new") access = await requireProject(db, actor, params.id, "document.create");
    else {
      if (!fields.documentId) throw importError("document_required", "Name the document to update (documentId).");
      const found = await requireDocument(db, actor, fields.documentId, "translation.edit");
      if (found.document.projectId !== params.id) throw new AppError("not_found", { field: "documentId" });
      access = found.access;
    }
    const report = await importDocument(db, {
      projectId: params.id,
      fileName,
      bytes,
      mode,
      documentId: fields.documentId || undefined,
      title: fields.title,
      userId: actor.userId,
      // An empty translation is "new" whoever imports it; other statuses as the role may set them.
      allowedStatuses: ["new", ...statusesFor(access.role, access.policy)],
    });
    return json(report, 201);
  } catch (error) {
    return importErrorResponse(error, lng);
  }
});
