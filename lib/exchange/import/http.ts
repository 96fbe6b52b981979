// The HTTP side of an import, shared by the route: a refusal becomes {error:{code,message,details}}
// with a message naming the problem (import.errors.<reason>, with the line or unit) in the caller's
// language; anything that is not a refusal goes to the API's usual error answer.
import { errorResponse, json } from "../../api/handler";
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

export function importErrorResponse(error: unknown, lng: Lng): Response {
  if (!isAppError(error) || typeof error.details?.reason !== "string") return errorResponse(error, lng);
  const t = getT(lng);
  const { code, details } = error;
  const reason = details.reason as string;
  const message = t([`import.errors.${reason}`, `errors.reasons.${reason}`, `errors.${code}`], {
    ...errorParams(error),
    ...params(details),
  });
  return json({ error: { code, message, details } }, error.status);
}
