// The one way input from outside (a request body, a form, a query) becomes typed data: a zod schema
// checks it, and the first problem becomes invalid_input with the field it is about and, when the
// schema names one (a message like "too_long"), the reason the UI translates (errors.reasons.<reason>).
// zod's own English messages stay out of the answer.
import type { z } from "zod";
import { AppError } from "./errors";

/** A message of our own (a reason code), as opposed to zod's default English text. */
const REASON = /^[a-z_]+$/;

export function inputError(issue: { path: PropertyKey[]; message: string }): AppError {
  const field = issue.path.map(String).join(".");
  return new AppError("invalid_input", REASON.test(issue.message) ? { field, reason: issue.message } : { field });
}

/** `raw` checked against `schema`: the parsed value, or an AppError("invalid_input", {field, reason}). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw inputError(parsed.error.issues[0]);
  return parsed.data;
}
