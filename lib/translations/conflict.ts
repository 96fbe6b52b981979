// The answer to a save or a decision based on a version that is no longer current: 409 with what is
// saved now, so the client can merge instead of starting over (the API's `current`).
import type { Tx } from "../db/client";
import { AppError } from "../errors";

export async function conflictError(tx: Tx, segmentId: string, lang: string) {
  const current = await tx.translation.findUnique({
    where: { segmentId_lang: { segmentId, lang } },
    include: { updatedBy: { select: { id: true, name: true } } },
  });
  return new AppError("conflict", {
    current: current
      ? {
          text: current.text,
          status: current.status,
          version: current.version,
          updatedBy: current.updatedBy ? { id: current.updatedBy.id, name: current.updatedBy.name } : null,
          updatedAt: current.updatedAt.toISOString(),
        }
      : null,
  });
}
