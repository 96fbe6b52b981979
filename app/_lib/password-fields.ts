import "server-only";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import { AppError } from "@/lib/errors";

/** Reads "password" and "passwordRepeat" from a form; refuses short or differing passwords. */
export function newPasswordFrom(form: FormData, field = "password"): string {
  const password = String(form.get(field) ?? "");
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError("password_too_short");
  if (password !== String(form.get(`${field}Repeat`) ?? "")) throw new AppError("password_mismatch");
  return password;
}
