// A project's memory settings (MemorySettings; no row means the defaults). No permission checks:
// the caller lets owners change them and everyone on the project read them.
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { parseInput } from "../parse-input";
import { AnalysisWeights, DEFAULT_WEIGHTS } from "./bands";
import { DEFAULT_THRESHOLD } from "./lookup";

export const MemorySettingsInput = z
  .object({
    /** The lowest match shown and pre-translated, in %. */
    threshold: z.number().int().min(0).max(100),
    repetitions: z.boolean(),
    exactAsTranslated: z.boolean(),
    /** Any bands given replace the current weights of those bands. */
    analysisWeights: AnalysisWeights.partial(),
  })
  .partial()
  .strict();
export type MemorySettingsInput = z.input<typeof MemorySettingsInput>;

export interface MemorySettings {
  threshold: number;
  repetitions: boolean;
  exactAsTranslated: boolean;
  analysisWeights: AnalysisWeights;
}

function weightsFrom(json: string): AnalysisWeights {
  let stored: unknown = {};
  try {
    stored = json ? JSON.parse(json) : {};
  } catch {
    // Written only by updateMemorySettings; anything unreadable reads as the defaults.
  }
  const parsed = AnalysisWeights.partial().safeParse(stored);
  return { ...DEFAULT_WEIGHTS, ...(parsed.success ? parsed.data : {}) };
}

export async function memorySettings(db: Db | Tx, projectId: string): Promise<MemorySettings> {
  const row = await db.memorySettings.findUnique({ where: { projectId } });
  return {
    threshold: row?.threshold ?? DEFAULT_THRESHOLD,
    repetitions: row?.repetitions ?? true,
    exactAsTranslated: row?.exactAsTranslated ?? true,
    analysisWeights: weightsFrom(row?.analysisWeights ?? ""),
  };
}

/** Validates and stores a change; answers the settings as they are afterwards. */
export async function updateMemorySettings(db: Db, projectId: string, raw: unknown): Promise<MemorySettings> {
  const { analysisWeights, ...rest } = parseInput(MemorySettingsInput, raw);
  return db.$transaction(async (tx) => {
    const current = await memorySettings(tx, projectId);
    const weights = JSON.stringify({ ...current.analysisWeights, ...analysisWeights });
    await tx.memorySettings.upsert({
      where: { projectId },
      update: { ...rest, analysisWeights: weights },
      create: { projectId, ...rest, analysisWeights: weights },
    });
    return memorySettings(tx, projectId);
  });
}
