// The answers of an import, and of where a waiting import is.
import { z } from "zod";
import { importFormats } from "../../exchange/import/types";
import { TranslationStatus } from "../../segments/status";
import { Count, named } from "./registry";

export const ImportReport = named(
  "ImportReport",
  z.object({
    documentId: z.string(),
    created: z.boolean().describe("true: a new document; false: an existing one was updated"),
    format: z.enum(importFormats),
    segments: Count.describe("Paragraphs created, or matched in an update"),
    translations: Count.describe("Translations saved as a new version"),
    notes: Count.describe("Notes and replies added"),
    mismatches: z
      .array(
        z.object({
          position: z.number().int().min(1),
          expected: z.string().nullable().describe("The document's paragraph, null if it has none there"),
          found: z.string().describe("The file's source text"),
        }),
      )
      .describe("Update only: paragraphs of the file whose source differs from the document's; not applied"),
    downgraded: z
      .array(
        z.object({
          position: z.number().int().min(1),
          lang: z.string(),
          requested: TranslationStatus.describe("The status in the file"),
          status: TranslationStatus.describe("The status the translation has now"),
        }),
      )
      .describe(
        "Statuses in the file that the importer's role may not set, or that do not fit the text: a changed text " +
          "got the status a save would give it (draft, or new when emptied), a status-only change was not applied",
      ),
    locked: z
      .array(
        z.object({
          position: z.number().int().min(1),
          lang: z.string(),
          status: TranslationStatus.describe("The translation's status, which locks it for the importer"),
        }),
      )
      .describe(
        "Update only: translations the file would change that the importer's role may not change (reviewed or " +
          "approved work, unless the project lets translators change approved paragraphs); left as they are",
      ),
  }),
);

export const ImportPlace = named(
  "ImportPlace",
  z.object({
    ticket: z.string(),
    state: z.enum(["waiting", "running"]),
    position: z.number().int().min(1).optional().describe("waiting: 1 = next to run"),
  }),
);
