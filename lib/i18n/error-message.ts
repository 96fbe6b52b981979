// An AppError as one sentence in a language, as the API and the UI say it (an import's reasons first).
import { errorKeys, errorParams } from "../error-params";
import type { AppError } from "../errors";
import { getT } from "./server";
import type { Lng } from "./settings";

export function errorMessage(error: AppError, lng: Lng): string {
  const reason = typeof error.details?.reason === "string" ? error.details.reason : null;
  const keys = reason ? [`import.errors.${reason}`, ...errorKeys(error)] : errorKeys(error);
  return getT(lng)(keys, errorParams(error));
}
