// Helpers for the terminology tests: a project of their own, and the AppError a call refuses with.
import { expect } from "vitest";
import type { Db } from "../lib/db/client";
import { AppError } from "../lib/errors";

/** A Ukrainian project translated into English and Kazakh, with no glossary yet. */
export function termsProject(db: Db, name: string) {
  return db.project.create({
    data: { name, sourceLang: "uk", languages: { create: [{ lang: "en" }, { lang: "kk", position: 1 }] } },
  });
}

/** The AppError the promise rejects with (the test fails if it resolves or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
