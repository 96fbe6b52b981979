// Whom a note on a translation is addressed to: its last translator, the person who last saved its
// text as a draft or a translation (a review decision does not make a reviewer its translator).
import type { Db, Tx } from "../db/client";

export async function lastTranslatorOf(db: Db | Tx, translationId: string): Promise<string | null> {
  const revision = await db.revision.findFirst({
    where: { translationId, status: { in: ["draft", "translated"] }, authorId: { not: null } },
    orderBy: { version: "desc" },
    select: { authorId: true },
  });
  return revision?.authorId ?? null;
}

/** The addressee of a new note by `authorId` on this translation (nobody addresses a note to themselves). */
export async function addresseeOf(db: Db | Tx, translationId: string | null, authorId: string) {
  if (!translationId) return null;
  const translator = await lastTranslatorOf(db, translationId);
  return translator === authorId ? null : translator;
}
