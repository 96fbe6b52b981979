import { z } from "zod";
import { mqmCategories, severities } from "./mqm-categories";

// The constants live in mqm-categories.ts (zod-free, for the browser); here are the enums that validate them.
export { mqmCategories, severities, severityPoints } from "./mqm-categories";
export const MqmCategory = z.enum(mqmCategories);
export type MqmCategory = z.infer<typeof MqmCategory>;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;
