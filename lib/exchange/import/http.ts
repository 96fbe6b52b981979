// The HTTP side of an import's refusals: a refusal with a reason becomes {error:{code,message,details}}
// with a message naming the problem (import.errors.<reason>, with the line or unit) in the caller's
// language; anything else gets the API's usual error answer (null here).
import type { ErrorAnswer } from "../../api/handler";
import { errorParams } from "../../error-params";
import { isAppError } from "../../errors";
import { getT } from "../../i18n/server";
import type { Lng } from "../../i18n/settings";

function params(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (Array.isArray(value)) out[key] = value.join(", ");
    else if (value === null || ["string", "number", "boolean"].includes(typeof value)) out[key] = value ?? "";
  }
  return out;
}

export function importErrorAnswer(error: unknown, lng: Lng): ErrorAnswer | null {
  if (!isAppError(error) || typeof error.details?.reason !== "string") return null;
  const t = getT(lng);
  const { code, details } = error;
  const reason = details.reason as string;
  const message = t([`import.errors.${reason}`, `errors.reasons.${reason}`, `errors.${code}`], {
    ...errorParams(error),
    ...params(details),
  });
  // A full import line (slots.ts) says when to try again.
  const retryAfter = typeof details.retryAfter === "number" ? details.retryAfter : undefined;
  return { status: error.status, body: { error: { code, message, details } }, retryAfter };
}
