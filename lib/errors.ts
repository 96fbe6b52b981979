// One error type for everything a person can be told about. The code is translated in the UI
// (messages: errors.<code>) and returned by the API as {error:{code,message}}.
export const errorStatus = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
  invalid_credentials: 401,
  setup_done: 409,
  setup_code_invalid: 403,
  address_not_confirmed: 403,
  already_member: 409,
  last_owner: 409,
  invitation_invalid: 410,
  password_too_short: 400,
  password_mismatch: 400,
  cross_site: 403,
  too_large: 413,
  // An archived project: read-only until an owner restores it.
  read_only: 403,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.status = errorStatus[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
