import { MIN_PASSWORD_LENGTH } from "./auth/constants";
import type { ErrorCode } from "./errors";

/** Interpolation values for an error's translated message (errors.<code> in messages/*.json). */
export function errorParams(error: { code: ErrorCode; details?: Record<string, unknown> }): Record<string, unknown> {
  const retryAfter = Number(error.details?.retryAfter ?? 0);
  return { minutes: Math.max(1, Math.ceil(retryAfter / 60)), min: MIN_PASSWORD_LENGTH };
}
