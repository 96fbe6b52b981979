// Answers of review decisions and the quality report.
import { z } from "zod";
import { MqmCategory } from "../../notes/mqm";
import { decisions } from "../../review/decide";
import { Count, Lang, named } from "./registry";

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

export const ApproveAllAnswer = named("ApproveAllAnswer", z.object({ approved: Count }));

const bySeverity = { minor: Count, major: Count, critical: Count };

export const QualityReport = named(
  "QualityReport",
  z.object({
    lang: Lang,
    words: Count.describe("Source words of the document"),
    threshold: z.number().describe("Highest penalty per 1,000 words that passes"),
    rows: z.array(z.object({ category: MqmCategory, ...bySeverity, points: Count })),
    totals: z.object({ ...bySeverity, errors: Count, points: Count }),
    penaltyPer1000: z.number().describe("Penalty points per 1,000 source words, rounded to two decimals"),
    pass: z.boolean(),
  }),
);
export const QualityAnswer = named("QualityAnswer", z.object({ report: QualityReport }));
