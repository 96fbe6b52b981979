// The command line's document commands (document list, rename, delete, restore, update-source): their
// lines of the usage text and their entries in the command table.
import type { CliArea } from "./spec";

export const documents: CliArea = {
  help: `  document list --project P
      List a project's documents in order: id, title, paragraphs, state, file.
  document rename D --title T | document delete D | document restore D
      Rename document D (its id), move it to the trash, or restore it from there.
  document update-source D FILE [--dry-run]
      Upload a new version of D's source (.txt, .md, .docx…). Paragraphs are matched to the old
      ones: identical ones keep their translations, changed ones keep them marked "source changed",
      removed ones go to the document's bin. --dry-run only prints the counts.`,
  commands: {
    "document list": {
      required: ["project"],
      optional: [],
      run: async (db, f, io) => (await import("../project-commands")).documentList(db, f as { project: string }, io),
    },
    "document rename": {
      args: ["document"],
      required: ["title"],
      optional: [],
      run: async (db, f, io) =>
        (await import("../project-commands")).documentRename(db, f as { document: string; title: string }, io),
    },
    "document delete": {
      args: ["document"],
      required: [],
      optional: [],
      run: async (db, f, io) => (await import("../project-commands")).documentDelete(db, f as { document: string }, io),
    },
    "document restore": {
      args: ["document"],
      required: [],
      optional: [],
      run: async (db, f, io) =>
        (await import("../project-commands")).documentRestore(db, f as { document: string }, io),
    },
    "document update-source": {
      args: ["document", "file"],
      required: [],
      optional: ["dry-run"],
      run: async (db, f, io) =>
        (await import("../project-commands")).documentUpdateSource(
          db,
          f as { document: string; file: string; "dry-run"?: boolean },
          io,
        ),
    },
  },
};
