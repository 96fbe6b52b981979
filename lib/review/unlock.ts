// An owner opens one reviewed or approved paragraph to translators again. The lock on reviewed and
// approved work (lib/auth/permissions.ts lockedStatuses) is lifted the way review tools do it: the
// decision is taken back. The translation goes to "translated" (the translator's last confirmed
// state; its text is unchanged), as a new version, so the history shows who opened it and when, and
// a reviewer decides again once it is changed. A per-translation "unlocked" flag was the other
// choice: it would leave an "approved" badge on text anyone may now change, which is what the lock
// exists to prevent.
import { z } from "zod";
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import { PROTECTED_STATUSES } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import type { TranslationStatus } from "../segments/status";
import { conflictError } from "../translations/conflict";

export const UnlockInput = z.object({
  /** The version the owner looked at; if the translation changed since, nothing is written (409). */
  baseVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("The version the owner looked at; a translation changed since is refused with 409"),
});

export async function unlockTranslation(db: Db, actor: Actor, segmentId: string, lang: string, raw: unknown) {
  const { access } = await requireSegment(db, actor, segmentId, "translation.unlock");
  const input = parseInput(UnlockInput, raw ?? {});
  assertTarget(access.targetLangs, lang);
  const translation = await db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } });
  if (!translation || !PROTECTED_STATUSES.includes(translation.status as TranslationStatus)) {
    throw new AppError("invalid_input", { field: "lang", reason: "not_locked" });
  }
  const version = input.baseVersion ?? translation.version;
  const status: TranslationStatus = "translated";
  // The revision of the new version is written by the database (a trigger on the version).
  const updated = await db.translation.updateMany({
    where: { id: translation.id, version, status: translation.status },
    data: { status, version: { increment: 1 }, updatedById: actor.userId, updatedAt: new Date() },
  });
  if (updated.count !== 1) throw await conflictError(db, segmentId, lang);
  return { segmentId, lang, status, version: version + 1, text: translation.text };
}
