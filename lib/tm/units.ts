// A memory's units for its page: listed newest first (a search is the concordance), edited and
// deleted. No permission checks: callers let a memory's owners edit it (a reference memory is read
// only for the projects it is attached to).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { TranslationText } from "../translations/validation";
import { textHash } from "./normalize";

export const ListUnitsInput = z.object({
  targetLang: z.string().min(2).max(20).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** Units with an id below this one (the last of the previous page). */
  before: z.number().int().positive().optional(),
});
export type ListUnitsInput = z.input<typeof ListUnitsInput>;

/** One page of a memory's units, newest first, and how many it has in all. */
export async function listMemoryUnits(db: Db, memoryId: string, raw: ListUnitsInput = {}) {
  const input = parseInput(ListUnitsInput, raw);
  const where = { memoryId, ...(input.targetLang ? { targetLang: input.targetLang } : {}) };
  const [units, total] = await Promise.all([
    db.memoryUnit.findMany({
      where: { ...where, ...(input.before ? { id: { lt: input.before } } : {}) },
      orderBy: { id: "desc" },
      take: input.limit,
    }),
    db.memoryUnit.count({ where }),
  ]);
  return { units, total, next: units.length === input.limit ? units[units.length - 1].id : null };
}

const UnitStatus = z.enum(["draft", "translated", "reviewed", "approved"]);

export const UpdateUnitInput = z
  .object({
    source: TranslationText.refine((s) => s.trim() !== "", { message: "unit_empty" }),
    target: TranslationText.refine((s) => s.trim() !== "", { message: "unit_empty" }),
    status: UnitStatus,
  })
  .partial()
  .strict();
export type UpdateUnitInput = z.input<typeof UpdateUnitInput>;

/**
 * Changes a unit's source, target or status; `editedById` becomes its author. A new source is
 * keyed anew: when the memory already has that source in that language, the edit is refused
 * (conflict, reason duplicate_source) rather than making two units of one text.
 */
export async function updateMemoryUnit(db: Db, unitId: number, editedById: string | null, raw: unknown) {
  const input = parseInput(UpdateUnitInput, raw);
  return db.$transaction(async (tx) => {
    const unit = await tx.memoryUnit.findUnique({ where: { id: unitId } });
    if (!unit) throw new AppError("not_found");
    const sourceHash = input.source === undefined ? unit.sourceHash : textHash(input.source);
    if (sourceHash !== unit.sourceHash) {
      const taken = await tx.memoryUnit.findUnique({
        where: { memoryId_targetLang_sourceHash: { memoryId: unit.memoryId, targetLang: unit.targetLang, sourceHash } },
        select: { id: true },
      });
      if (taken)
        throw new AppError(
          "conflict",
          { reason: "duplicate_source", unitId: taken.id },
          "The memory already has a unit with this source text.",
        );
    }
    return tx.memoryUnit.update({
      where: { id: unitId },
      data: { ...input, sourceHash, authorId: editedById, authorName: null },
    });
  });
}

/** Deletes a unit; false when there was none. */
export async function deleteMemoryUnit(db: Db, unitId: number): Promise<boolean> {
  const { count } = await db.memoryUnit.deleteMany({ where: { id: unitId } });
  return count > 0;
}
