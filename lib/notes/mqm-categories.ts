// The MQM categories and severities as plain data, for the browser too (the editor's note form):
// its bundle must not carry zod for them (the zod enums for validation are in mqm.ts).

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
export type MqmCategory = (typeof mqmCategories)[number];

export const severities = ["minor", "major", "critical"] as const;
export type Severity = (typeof severities)[number];

/** MQM penalty points per error. */
export const severityPoints: Record<Severity, number> = { minor: 1, major: 5, critical: 25 };
