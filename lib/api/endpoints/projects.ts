// Endpoints of projects: create one, read it, change its settings or archive it, move it to the trash
// or delete it for good, restore it.
import { z } from "zod";
import { createProject } from "../../projects/create-project";
import { getProjectDetails } from "../../projects/project-details";
import { purgeProject, restoreProject, trashProject } from "../../projects/trash";
import { updateProject } from "../../projects/update-project";
import { created, defineEndpoint } from "../endpoint";
import { Deleted, ProjectAnswer, Restored } from "../schemas/projects";
import { CreateProjectRequest, UpdateProjectRequest } from "../schemas/requests";

const ProjectParams = z.object({ id: z.string().describe("The project") });
const sameSite = "Cookie-authenticated calls need an Origin (or Referer) header of this site.";

export const createProjectEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects",
  operationId: "createProject",
  summary: "Create a project",
  description:
    "For site administrators and accounts an administrator allowed to create projects; you become its owner. " +
    "Languages are BCP 47 tags, kept in canonical form (`EN-us` → `en-US`); the source may not be among the " +
    "targets, and at least one target is needed. Refusals: 400 `invalid_input` with `details.reason` " +
    "(name_required, name_too_long, bad_language_tag with `details.value`, source_among_targets, no_targets), " +
    `403 when you may not create projects. ${sameSite}`,
  tags: ["projects"],
  body: { json: CreateProjectRequest },
  response: { status: 201, schema: ProjectAnswer, description: "Created" },
  refusals: [400, 403],
  async handler({ db, actor, body }) {
    const { id } = await createProject(db, actor, body);
    return created({ project: (await getProjectDetails(db, actor, id)).project });
  },
});

export const getProjectEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects/{id}",
  operationId: "getProject",
  summary: "A project: its settings, languages, your role and its documents",
  tags: ["projects"],
  params: ProjectParams,
  response: { schema: ProjectAnswer, description: "The project" },
  refusals: [404],
  async handler({ db, actor, params }) {
    return { project: (await getProjectDetails(db, actor, params.id)).project };
  },
});

export const updateProjectEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/projects/{id}",
  operationId: "updateProject",
  summary: "Change a project's settings, or archive it",
  description:
    "Owners only. Fields left out stay as they are. Removing a target language that has translations is refused " +
    "(400, reason languages_have_translations, `details.value` names them) unless `confirmRemoveLanguages` is " +
    "true; the language is then only hidden: its translations stay and come back when it is added again. " +
    "`archived: true` makes the project read-only for everyone (every change is refused with 403 `read_only`) " +
    `until \`archived: false\` or POST …/restore. ${sameSite}`,
  tags: ["projects"],
  params: ProjectParams,
  body: { json: UpdateProjectRequest },
  response: { schema: ProjectAnswer, description: "The project as it is now" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    await updateProject(db, actor, params.id, body);
    return { project: (await getProjectDetails(db, actor, params.id)).project };
  },
});

export const deleteProjectEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/projects/{id}",
  operationId: "deleteProject",
  summary: "Move a project to the trash, or delete one in the trash for good",
  description:
    "Owners only. A project in the trash is hidden from everyone but its owners and site administrators, who may " +
    "restore it (POST …/restore) until it is removed for good PARALLEL_TRASH_DAYS (default 30) days later. With " +
    "`forever=true`, a project already in the trash is deleted for good at once; `confirmName` must be its name " +
    `exactly (400, reason name_mismatch, otherwise). ${sameSite}`,
  tags: ["projects"],
  params: ProjectParams,
  query: z.object({
    forever: z.enum(["true", "false"]).optional().describe("Delete a project that is in the trash for good"),
    confirmName: z.string().optional().describe("With forever=true: the project's name, typed"),
  }),
  response: { schema: Deleted, description: "Deleted" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, query }) {
    if (query.get("forever") === "true") {
      await purgeProject(db, actor, params.id, query.get("confirmName"));
      return { id: params.id, deleted: "forever" as const, purgeAt: null };
    }
    const purgeAt = await trashProject(db, actor, params.id);
    return { id: params.id, deleted: "trash" as const, purgeAt: purgeAt.toISOString() };
  },
});

export const restoreProjectEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects/{id}/restore",
  operationId: "restoreProject",
  summary: "Restore a project from the trash, or take it out of the archive",
  description:
    "From the trash (its owners and site administrators): it comes back as it was, archived if it was. " +
    `Otherwise out of the archive (owners). ${sameSite}`,
  tags: ["projects"],
  params: ProjectParams,
  response: { schema: Restored, description: "Restored" },
  refusals: [403, 404],
  async handler({ db, actor, params }) {
    return { id: params.id, restoredFrom: await restoreProject(db, actor, params.id) };
  },
});
