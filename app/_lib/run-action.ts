import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError, type ErrorCode } from "@/lib/errors";
import { currentActor } from "./session";

export type ActionError = { code: ErrorCode; details?: Record<string, unknown> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * Every server action runs through here: it finds who is asking (signed-out callers are refused
 * unless the action is public), runs the domain function (which validates input with zod and asks
 * lib/auth/permissions), and turns a deliberate AppError into a code the UI translates. Anything
 * else is logged and reported as a generic error, never with its internal message.
 */
export async function runAction<T>(
  fn: (ctx: { actor: Actor | null; db: ReturnType<typeof getDb> }) => Promise<T>,
  options: { public?: boolean } = {},
): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor();
    if (!actor && !options.public) throw new AppError("unauthenticated");
    return { ok: true, data: await fn({ actor, db: getDb() }) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, details: error.details } };
    // redirect() and notFound() work by throwing; they must pass through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    return { ok: false, error: { code: "internal" } };
  }
}
