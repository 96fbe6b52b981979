// One translation as saved now: what a live client fetches when the stream says it changed.
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { assertTarget } from "../projects/languages";
import type { TranslationStatus } from "../segments/status";
import { originOf } from "./origin";

export async function readTranslation(db: Db, actor: Actor, segmentId: string, lang: string) {
  const { access, document } = await requireSegment(db, actor, segmentId, "project.read");
  assertTarget(access.targetLangs, lang);
  const saved = await db.translation.findUnique({
    where: { segmentId_lang: { segmentId, lang } },
    include: { updatedBy: { select: { id: true, name: true } } },
  });
  // A language added after the document has no row until its first save: an empty new one.
  return {
    segmentId,
    lang,
    text: saved?.text ?? "",
    status: (saved?.status ?? "new") as TranslationStatus,
    version: saved?.version ?? 0,
    updatedBy: saved?.updatedBy ?? null,
    updatedAt: (saved?.updatedAt ?? document.createdAt).toISOString(),
    origin: originOf(saved),
  };
}
