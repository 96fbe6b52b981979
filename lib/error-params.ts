import { MIN_PASSWORD_LENGTH } from "./auth/constants";
import type { ErrorCode } from "./errors";

type ErrorLike = { code: ErrorCode; details?: Record<string, unknown> };

/** Interpolation values for an error's translated message (errors.<code> in messages/*.json). */
export function errorParams(error: ErrorLike): Record<string, unknown> {
  const retryAfter = Number(error.details?.retryAfter ?? 0);
  return {
    minutes: Math.max(1, Math.ceil(retryAfter / 60)),
    seconds: Math.max(1, retryAfter),
    min: MIN_PASSWORD_LENGTH,
    field: error.details?.field ?? "",
    line: error.details?.line ?? "",
    unit: error.details?.unit ?? "",
    value: error.details?.value ?? "",
  };
}

/**
 * The message keys for an error, most specific first: a known reason (errors.reasons.<reason>) says
 * exactly what was wrong; otherwise the code's general message. i18next takes the first that exists.
 */
export function errorKeys(error: ErrorLike): string[] {
  const reason = typeof error.details?.reason === "string" ? error.details.reason : null;
  return reason ? [`errors.reasons.${reason}`, `errors.${error.code}`] : [`errors.${error.code}`];
}
