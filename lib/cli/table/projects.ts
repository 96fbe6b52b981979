// The command line's project commands (member add, project create, list, archive, restore, delete):
// their lines of the usage text and their entries in the command table.
import type { CliArea, Flags } from "./spec";

export const projects: CliArea = {
  help: `  member add --project P --email E --role owner|translator|reviewer|viewer
      Add an existing account to a project. P is the project's id or its exact name.
  project create --name N [--source uk] --targets en,kk [--owner EMAIL]
      Create a project. Languages are BCP 47 tags (en, kk, de-AT, kk-Latn…); the source (default uk)
      may not be a target. The owner is EMAIL's account, by default the first administrator.
  project list
      List the projects: id, name, languages, state (active, archived, trash), documents, owners.
  project archive P | project restore P | project delete P
      Archive P (read-only for everyone); restore it from the trash or, if not there, from the
      archive; move it to the trash (removed for good PARALLEL_TRASH_DAYS, default 30, days later).
      P is the project's id or its exact name.`,
  commands: {
    "member add": {
      required: ["project", "email", "role"],
      optional: [],
      run: async (db, f, io) =>
        (await import("../commands")).memberAdd(db, f as Required<Pick<Flags, "project" | "email" | "role">>, io),
    },
    "project create": {
      required: ["name", "targets"],
      optional: ["source", "owner"],
      run: async (db, f, io) =>
        (await import("../project-commands")).projectCreate(
          db,
          f as { name: string; targets: string; source?: string; owner?: string },
          io,
        ),
    },
    "project list": {
      required: [],
      optional: [],
      run: async (db, _f, io) => (await import("../project-commands")).projectList(db, {}, io),
    },
    "project archive": {
      args: ["project"],
      required: [],
      optional: [],
      run: async (db, f, io) => (await import("../project-commands")).projectArchive(db, f as { project: string }, io),
    },
    "project restore": {
      args: ["project"],
      required: [],
      optional: [],
      run: async (db, f, io) => (await import("../project-commands")).projectRestore(db, f as { project: string }, io),
    },
    "project delete": {
      args: ["project"],
      required: [],
      optional: [],
      run: async (db, f, io) => (await import("../project-commands")).projectDelete(db, f as { project: string }, io),
    },
  },
};
