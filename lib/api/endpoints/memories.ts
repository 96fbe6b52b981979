// Endpoints of a project's memories: list, TMX import, attach and detach; a memory's units (list,
// edit, delete), its TMX export, deleting it. Read by everyone on a project that uses the memory;
// changed by owners of the project it belongs to (lib/tm/memory-access.ts).
import { z } from "zod";
import { requireProject } from "../../auth/access";
import { AppError } from "../../errors";
import { contentDisposition } from "../../exchange/export";
import { importErrorAnswer } from "../../exchange/import/http";
import { maxUploadBytes } from "../../exchange/import/limits";
import { readUpload } from "../../exchange/import/read-upload";
import { requireMemory } from "../../tm/memory-access";
import {
  AttachInput,
  attachProjectMemory,
  detachProjectMemory,
  editMemoryUnit,
  importProjectTmx,
  memoryUnits,
  projectMemories,
  removeMemory,
  removeMemoryUnit,
} from "../../tm/memory-admin";
import { exportMemoryTmx } from "../../tm/tmx-export";
import { UpdateUnitInput } from "../../tm/units";
import { created, defineEndpoint, file } from "../endpoint";
import { Done, MemoryImportAnswer, MemoryList, MemoryUnitAnswer, MemoryUnitList } from "../schemas/memory";

const ProjectParams = z.object({ id: z.string().describe("The project") });
const MemoryParams = z.object({ id: z.string().describe("The memory") });
const UnitParams = MemoryParams.extend({ unitId: z.string().describe("The unit (an integer)") });

export const listMemoriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects/{id}/memories",
  operationId: "listMemories",
  summary: "The memories a project reads",
  description: "Its working memory first, then the reference memories attached to it (read only), with unit counts.",
  tags: ["memory"],
  params: ProjectParams,
  response: { schema: MemoryList, description: "The memories" },
  refusals: [404],
  async handler({ db, actor, params }) {
    return projectMemories(db, actor, params.id);
  },
});

export const importMemoryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/memories",
  operationId: "importMemory",
  summary: "Import a TMX file as a reference memory of the project",
  description:
    "TMX 1.4b as multipart/form-data (`file`, optional `name`). Units whose languages are not the project's " +
    "source and a target are left out (`skipped`); a unit repeating an earlier source is kept once " +
    "(`duplicates`). The file is checked whole first, then written in one transaction: a refusal imports " +
    "nothing. The same refusals as a document import (xml_malformed, xml_dtd, too_large …), and tmx_no_units " +
    "when nothing matches the project's languages. Owners only.",
  tags: ["memory"],
  params: ProjectParams,
  body: {
    multipart: z.object({
      file: z.string().meta({ format: "binary" }).describe("The .tmx file"),
      name: z.string().max(200).optional().describe("The memory's name; default the file's name"),
    }),
  },
  response: { status: 201, schema: MemoryImportAnswer, description: "Imported" },
  refusals: [400, 403, 404, 413],
  errorAnswer: importErrorAnswer,
  async handler({ db, actor, params, request }) {
    // Before reading the upload: strangers get 404, other roles 403.
    await requireProject(db, actor, params.id, "project.settings");
    const { fileName, bytes, fields } = await readUpload(request, maxUploadBytes());
    return created(await importProjectTmx(db, actor, params.id, { bytes, fileName, name: fields.name }));
  },
});

export const attachMemoryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/memories/attach",
  operationId: "attachMemory",
  summary: "Attach another project's memory as a reference (read only)",
  description:
    "You must own both this project and the project the memory belongs to. Attaching it again changes nothing.",
  tags: ["memory"],
  params: ProjectParams,
  body: { json: AttachInput },
  response: { schema: MemoryList, description: "The project's memories afterwards" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return attachProjectMemory(db, actor, params.id, body);
  },
});

export const detachMemoryEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/projects/{id}/memories/{memoryId}",
  operationId: "detachMemory",
  summary: "Detach a reference memory from the project",
  tags: ["memory"],
  params: ProjectParams.extend({ memoryId: z.string().describe("The attached memory") }),
  response: { schema: MemoryList, description: "The project's memories afterwards" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    return detachProjectMemory(db, actor, params.id, params.memoryId);
  },
});

export const memoryUnitsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/memories/{id}/units",
  operationId: "memoryUnits",
  summary: "A memory's units, newest first, a page at a time",
  description: "For members of every project that uses the memory. `next` is the `before` of the next page.",
  tags: ["memory"],
  params: MemoryParams,
  query: z.object({
    target: z.string().optional().describe("Only units into this language"),
    before: z.string().optional().describe("Units with an id below this one"),
    limit: z.string().optional().describe("1–200; default 50"),
  }),
  response: { schema: MemoryUnitList, description: "One page" },
  refusals: [400, 404],
  async handler({ db, actor, params, query }) {
    return memoryUnits(db, actor, params.id, {
      target: query.get("target") ?? undefined,
      before: query.get("before") ?? undefined,
      limit: query.get("limit") ?? undefined,
    });
  },
});

export const editMemoryUnitEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/memories/{id}/units/{unitId}",
  operationId: "editMemoryUnit",
  summary: "Edit a unit's source, target or status",
  description:
    "Owners of the memory's project. A new source the memory already has is refused (409, reason duplicate_source).",
  tags: ["memory"],
  params: UnitParams,
  body: { json: UpdateUnitInput },
  response: { schema: MemoryUnitAnswer, description: "The unit as saved" },
  refusals: [400, 403, 404, 409],
  async handler({ db, actor, params, body }) {
    return editMemoryUnit(db, actor, params.id, params.unitId, body);
  },
});

export const deleteMemoryUnitEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/memories/{id}/units/{unitId}",
  operationId: "deleteMemoryUnit",
  summary: "Delete a unit",
  description: "Owners of the memory's project.",
  tags: ["memory"],
  params: UnitParams,
  response: { schema: Done, description: "Deleted" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params }) {
    return removeMemoryUnit(db, actor, params.id, params.unitId);
  },
});

export const deleteMemoryEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/memories/{id}",
  operationId: "deleteMemory",
  summary: "Delete a memory with all its units",
  description: "Owners of the memory's project; it is detached from every project it was attached to.",
  tags: ["memory"],
  params: MemoryParams,
  response: { schema: Done, description: "Deleted" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    return removeMemory(db, actor, params.id);
  },
});

export const exportMemoryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/memories/{id}/export",
  operationId: "exportMemory",
  summary: "Download a memory as TMX 1.4b",
  description: "Streamed. For members of every project that uses the memory; imports back without loss.",
  tags: ["memory"],
  params: MemoryParams,
  files: {
    description: "The TMX file, as an attachment named after the memory",
    headers: { "Content-Disposition": "attachment with the file name" },
    types: { "application/x-tmx+xml": "TMX 1.4b" },
  },
  refusals: [404],
  async handler({ db, actor, params }) {
    const { memory } = await requireMemory(db, actor, params.id, "read");
    const body = await exportMemoryTmx(db, memory.id);
    if (!body) throw new AppError("not_found");
    return file(body, {
      "Content-Type": "application/x-tmx+xml; charset=utf-8",
      "Content-Disposition": contentDisposition(`${memory.name.replace(/[^\p{L}\p{N}]+/gu, "-")}.tmx`),
      "X-Content-Type-Options": "nosniff",
    });
  },
});
