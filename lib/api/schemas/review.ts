// Answers of review decisions and the quality report.
import { z } from "zod";
import { MqmCategory, Severity } from "../../notes/mqm";
import { decisions } from "../../review/decide";
import { Count, DateTime, Lang, named } from "./registry";

export const DecisionAnswer = named(
  "DecisionAnswer",
  z.object({
    translation: z.object({
      segmentId: z.string(),
      lang: Lang,
      status: z.enum(decisions),
      version: Count,
      text: z.string(),
      noteId: z.string().nullable().describe("The note saved with the decision (a rejection's reason)"),
    }),
  }),
);

export const UnlockAnswer = named(
  "UnlockAnswer",
  z.object({
    translation: z.object({
      segmentId: z.string(),
      lang: Lang,
      status: z.literal("translated"),
      version: Count,
      text: z.string(),
    }),
  }),
);

export const ApproveAllAnswer = named("ApproveAllAnswer", z.object({ approved: Count }));

const bySeverity = { minor: Count, major: Count, critical: Count };

export const QualityReport = named(
  "QualityReport",
  z.object({
    lang: Lang,
    words: Count.describe("Source words of the paragraphs that were reviewed: the penalty is per 1,000 of these"),
    documentWords: Count.describe("Source words of the whole document"),
    reviewedShare: z.number().min(0).max(1).describe("words / documentWords"),
    threshold: z.number().describe("Highest penalty per 1,000 words that passes"),
    rows: z.array(z.object({ category: MqmCategory, ...bySeverity, points: Count })),
    totals: z.object({ ...bySeverity, errors: Count, points: Count }),
    penaltyPer1000: z.number().describe("Penalty points per 1,000 source words, rounded to two decimals"),
    pass: z.boolean(),
    errors: z.array(
      z.object({
        noteId: z.string(),
        segmentId: z.string(),
        position: Count.describe("The paragraph's position"),
        quote: z.string().describe('The words the error is on; "" for the paragraph as a whole'),
        quoteGone: z.boolean().describe("The quoted words are no longer in the translation"),
        category: MqmCategory,
        severity: Severity,
        author: z.string().nullable(),
        resolved: z.boolean(),
        createdAt: DateTime,
      }),
    ),
  }),
);
export const QualityAnswer = named("QualityAnswer", z.object({ report: QualityReport }));
