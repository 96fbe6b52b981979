import "server-only";
import { type Actor, signedIn } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError, type ErrorCode } from "@/lib/errors";
import { currentActor } from "./session";

export type ActionError = { code: ErrorCode; details?: Record<string, unknown> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

type Db = ReturnType<typeof getDb>;

/**
 * Every server action runs through here: it finds who is asking (signed-out callers are refused
 * unless the action says `{ public: true }`, and only then may the actor be null), runs the domain
 * function (which validates input with zod and asks lib/auth/permissions), and turns a deliberate
 * AppError into a code the UI translates. Anything else is logged and reported as a generic error,
 * never with its internal message.
 */
export async function runAction<T>(fn: (ctx: { actor: Actor; db: Db }) => Promise<T>): Promise<ActionResult<T>>;
export async function runAction<T>(
  fn: (ctx: { actor: Actor | null; db: Db }) => Promise<T>,
  options: { public: true },
): Promise<ActionResult<T>>;
export async function runAction<T>(
  fn: (ctx: { actor: Actor; db: Db }) => Promise<T>,
  options: { public?: boolean } = {},
): Promise<ActionResult<T>> {
  try {
    const found = await currentActor();
    const actor = options.public ? (found as Actor) : signedIn(found);
    return { ok: true, data: await fn({ actor, db: getDb() }) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, details: error.details } };
    // redirect() and notFound() work by throwing; they must pass through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    return { ok: false, error: { code: "internal" } };
  }
}
