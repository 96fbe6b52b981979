// The one way input from outside (a request body, a form, a query) becomes typed data: a zod schema
// checks it, and the first problem becomes invalid_input with the field it is about and, when the
// schema names one (a message like "too_long"), the reason the UI translates (errors.reasons.<reason>).
// zod's own English messages stay out of the answer. A NUL character in any text is refused the
// same way: PostgreSQL cannot store one in a text column (SQLite could), so neither database gets it.
import type { z } from "zod";
import { AppError } from "./errors";

/** A message of our own (a reason code), as opposed to zod's default English text. */
const REASON = /^[a-z_]+$/;

export function inputError(issue: { path: PropertyKey[]; message: string }): AppError {
  const field = issue.path.map(String).join(".");
  return new AppError("invalid_input", REASON.test(issue.message) ? { field, reason: issue.message } : { field });
}

/** The largest whole number a database INTEGER column holds on both databases (PostgreSQL's int4). */
export const INT_MAX = 2_147_483_647;

/** The path of the first string in `value` holding a NUL character, or null. */
function nulAt(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** `raw` checked against `schema`: the parsed value, or an AppError("invalid_input", {field, reason}). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw inputError(parsed.error.issues[0]);
  const nul = nulAt(parsed.data);
  if (nul) throw inputError({ path: nul, message: "" });
  return parsed.data;
}
