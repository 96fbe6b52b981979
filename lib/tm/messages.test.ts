// Every refusal the memory makes can be told to a person in each interface language.
import { describe, expect, it } from "vitest";
import { resources } from "../i18n/resources";
import { languages } from "../i18n/settings";
import { TMX_REASONS } from "./tmx-import";

// The concordance's and the unit editor's own reasons, and the document import's that a TMX import shares.
const REASONS = ["query_empty", "query_too_long", "unit_empty", "duplicate_source", ...TMX_REASONS];
const SHARED_IMPORT_REASONS = ["empty", "not_text", "xml_malformed", "xml_dtd", "languages"];

describe("the memory's error messages", () => {
  for (const lng of languages) {
    it(`exist in ${lng}`, () => {
      const messages = resources[lng] as unknown as {
        errors: { reasons: Record<string, string> };
        import: { errors: Record<string, string> };
      };
      for (const reason of REASONS) expect(messages.errors.reasons[reason], reason).toMatch(/\S/);
      for (const reason of SHARED_IMPORT_REASONS) expect(messages.import.errors[reason], reason).toMatch(/\S/);
    });
  }
});
