// The command line's file commands (import, tm import, glossary import and export, export): their lines
// of the usage text and their entries in the command table.
import type { CliArea } from "./spec";

export const exchange: CliArea = {
  help: `  import FILE --project P [--title T] [--update DOCUMENT_ID]
      Import a file into project P (id or exact name): .txt, .md or .docx as a new document;
      .tmx, .xlf/.xliff (XLIFF 1.2 or 2.0), .csv or .tsv as a new document with its translations,
      statuses and notes, or with --update into that document's translations (paragraphs whose
      source differs are listed and left alone). Nothing is imported if anything is refused.
      Files over PARALLEL_MAX_UPLOAD_MB (default 50) are refused. The imported versions and notes
      are recorded as the first administrator account's work (none if there is no administrator).
  tm import FILE --project P [--name N]
      Import a TMX file as a new translation memory of project P (id or exact name), read only and
      attached to it (N: its name; default the file's name). Its languages must be the project's;
      a repeated source and target language is kept once. Nothing is imported if anything is refused.
  glossary import FILE --project P
      Import a glossary file (.tbx: TBX-Basic v3 or v2 martif; .csv: one column per language) into
      project P's glossary. Terms it has already are merged, never doubled; nothing is imported if
      anything is refused.
  glossary export --project P --format tbx|csv [--out FILE]
      Export project P's glossary. Without --out the file is written to standard output.
  export --document D --format F [--target T] [--approved-only] [--no-notes] [--omit-untranslated] [--without-qa-errors] [--out FILE]
      Export document D. F: tmx, xliff12, xliff20, csv, tsv, docx, docx-target or txt. T: en, kk,
      en,kk, kk-Latn… (default: every target language; the first for docx-target and txt).
      docx-target and txt write a paragraph without a translation as its source text, or leave
      it out with --omit-untranslated.
      Without --out the file is written to standard output.`,
  commands: {
    import: {
      args: ["file"],
      required: ["project"],
      optional: ["title", "update"],
      run: async (db, f, io) =>
        (await import("../import-command")).importFile(
          db,
          f as { file: string; project: string; title?: string; update?: string },
          io,
        ),
    },
    "tm import": {
      args: ["file"],
      required: ["project"],
      optional: ["name"],
      run: async (db, f, io) =>
        (await import("../tm-command")).tmImport(db, f as { file: string; project: string; name?: string }, io),
    },
    "glossary import": {
      args: ["file"],
      required: ["project"],
      optional: [],
      run: async (db, f, io) =>
        (await import("../glossary-command")).glossaryImport(db, f as { file: string; project: string }, io),
    },
    "glossary export": {
      required: ["project", "format"],
      optional: ["out"],
      run: async (db, f, io) =>
        (await import("../glossary-command")).glossaryExport(
          db,
          f as { project: string; format: string; out?: string },
          io,
        ),
    },
    export: {
      required: ["document", "format"],
      optional: ["target", "approved-only", "no-notes", "omit-untranslated", "without-qa-errors", "out"],
      run: async (db, f, io) =>
        (await import("../export-command")).exportFile(
          db,
          {
            document: f.document!,
            format: f.format!,
            target: f.target,
            approvedOnly: f["approved-only"],
            noNotes: f["no-notes"],
            omitUntranslated: f["omit-untranslated"],
            withoutQaErrors: f["without-qa-errors"],
            out: f.out,
          },
          io,
        ),
    },
  },
};
