import { z } from "zod";

/** MQM error typology, the subset translators and reviewers use day to day. */
export const mqmCategories = [
  "accuracy.mistranslation",
  "accuracy.omission",
  "accuracy.addition",
  "fluency.grammar",
  "fluency.spelling",
  "fluency.punctuation",
  "terminology",
  "style",
  "locale_convention",
] as const;
export const MqmCategory = z.enum(mqmCategories);
export type MqmCategory = z.infer<typeof MqmCategory>;

export const severities = ["minor", "major", "critical"] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

/** MQM penalty points per error. */
export const severityPoints: Record<Severity, number> = { minor: 1, major: 5, critical: 25 };
