// Answers of the quality checks: findings (one paragraph, a document's report), ignore marks, a
// project's QA settings.
import { z } from "zod";
import { CHECK_CODES, QaSettingsInput } from "../../qa/settings";
import { severities } from "../../qa/types";
import { UserRef } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const QaIgnoreMark = named(
  "QaIgnoreMark",
  z.object({
    id: z.string(),
    key: z.string().describe("The finding's key"),
    check: z.string(),
    messageKey: z.string().describe("What the finding said when it was ignored (i18n key under qa.)"),
    params: Params,
    reason: z.string(),
    by: UserRef.nullable(),
    at: DateTime,
    unignoredBy: UserRef.nullable(),
    unignoredAt: DateTime.nullable().describe("Set once the mark was taken back; the finding is open again"),
  }),
);

export const QaFinding = named(
  "QaFinding",
  z.object({
    check: z.enum(CHECK_CODES).describe("The check's stable code (docs/quality-checks.md)"),
    severity: z.enum(severities).describe("As the project set it for the check"),
    message: z.string().describe("For people, in the Accept-Language language"),
    messageKey: z.string().describe("The message's i18n key (messages/*.json, under qa.)"),
    params: Params.describe("The message's parameters"),
    key: z.string().describe("Stable within the paragraph while the text around the finding changes"),
    span: z
      .object({
        start: Count.describe("UTF-16 code unit offset"),
        end: Count,
        side: z
          .enum(["source", "target"])
          .describe("source where the thing is only in the source (a missing citation)"),
      })
      .optional(),
    fix: z
      .object({
        label: z.string().describe("The button's text, in the Accept-Language language"),
        messageKey: z.string(),
        params: Params.optional(),
        edits: z
          .array(z.object({ start: Count, end: Count, text: z.string() }))
          .describe("Replacements in the target, in the target's offsets; start = end inserts"),
      })
      .optional()
      .describe("A quick fix, where one exists"),
    related: z.array(z.string()).optional().describe("Other paragraphs involved (inconsistent), by segment id"),
    ignored: z.boolean().describe("Marked ignore (with a reason) for this paragraph and language"),
    ignore: QaIgnoreMark.optional(),
  }),
);

export const QaCheckAnswer = named("QaCheckAnswer", z.object({ findings: z.array(QaFinding) }));

export const DocumentQaFinding = named(
  "DocumentQaFinding",
  QaFinding.extend({
    segmentId: z.string(),
    position: Count.describe("The paragraph's position"),
    excerpt: z
      .object({ side: z.enum(["source", "target"]), before: z.string(), text: z.string(), after: z.string() })
      .optional()
      .describe("The marked text with up to 40 characters either side"),
  }),
);

export const DocumentQaAnswer = named(
  "DocumentQaAnswer",
  z.object({
    lang: Lang,
    paragraphs: Count,
    findings: z.array(DocumentQaFinding).describe("In paragraph order, after the filter"),
    notices: z.array(QaFinding).describe("About the run, not a paragraph (spelling unavailable for the language)"),
    summary: z
      .array(z.object({ check: z.enum(CHECK_CODES), severity: z.enum(severities), open: Count, ignored: Count }))
      .describe("Counts over the whole document in the language, before the filter"),
  }),
);

export const QaIgnoreAnswer = named("QaIgnoreAnswer", z.object({ ignore: QaIgnoreMark }));
export const QaIgnoreHistory = named(
  "QaIgnoreHistory",
  z.object({
    ignores: z.array(QaIgnoreMark).describe("Every mark set on the paragraph in the language, newest first"),
  }),
);

export const QaSettingsAnswer = named(
  "QaSettingsAnswer",
  z.object({
    settings: QaSettingsInput.describe("What the project set (every field optional; the rest is the default)"),
    version: Count.describe("Grows with every change; 0 when never set"),
    effective: z
      .object({
        severity: z.record(z.string(), z.enum(severities)),
        muted: z.array(z.string()),
        quotes: z.record(
          z.string(),
          z.object({ primary: z.tuple([z.string(), z.string()]), secondary: z.tuple([z.string(), z.string()]) }),
        ),
        citations: z.object({ brackets: z.boolean(), patterns: z.array(z.string()) }),
        dictionary: z.record(z.string(), z.array(z.string())),
        englishSpelling: z.enum(["us", "gb", "either"]),
        length: z.object({ minSamples: Count }),
      })
      .describe("The settings with every default filled in: what the checks use"),
  }),
);
