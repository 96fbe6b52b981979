// A project's memories as its members see and its owners change them: the list, TMX import as a
// reference memory, attaching and detaching other projects' working memories, units listed,
// edited and deleted, a memory exported or deleted. Access first (memory-access.ts,
// lib/auth/access.ts), then the core functions of memories.ts, units.ts, tmx-import.ts.
import { z } from "zod";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { attachMemory, deleteMemory, detachMemory, listProjectMemories, workingMemory } from "./memories";
import { ownedProjectIds, requireMemory } from "./memory-access";
import { updateMemorySettings } from "./settings";
import { importTmx, type TmxImportResult } from "./tmx-import";
import { deleteMemoryUnit, listMemoryUnits, updateMemoryUnit } from "./units";

const iso = <T extends { createdAt: Date }>(m: T) => ({ ...m, createdAt: m.createdAt.toISOString() });

/** The memories the project reads (its working memory first, made if it has none yet). */
export async function projectMemories(db: Db, actor: Actor, projectId: string) {
  await requireProject(db, actor, projectId, "project.read");
  await workingMemory(db, projectId);
  const memories = await listProjectMemories(db, projectId);
  return {
    memories: memories.map((m) =>
      iso({
        id: m.id,
        name: m.name,
        kind: m.kind,
        projectId: m.projectId,
        sourceLang: m.sourceLang,
        units: m.units,
        readOnly: m.readOnly,
        createdAt: m.createdAt,
      }),
    ),
  };
}

/** A TMX file imported as a new reference memory of the project: owners only, one transaction. */
export async function importProjectTmx(
  db: Db,
  actor: Actor,
  projectId: string,
  upload: { bytes: Uint8Array; fileName: string; name?: string },
): Promise<TmxImportResult> {
  await requireProject(db, actor, projectId, "project.settings");
  const fallback = upload.fileName.replace(/\.tmx$/i, "").trim();
  return importTmx(
    db,
    async function* () {
      yield upload.bytes;
    },
    { projectId, name: upload.name?.trim() || fallback || null, createdById: actor.userId },
  );
}

export const AttachInput = z.object({ memoryId: z.string().min(1).max(100) });

/**
 * Attaches another project's working memory (or one imported there) as a reference: the asker
 * must own this project and the one the memory belongs to.
 */
export async function attachProjectMemory(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "project.settings");
  const { memoryId } = parseInput(AttachInput, raw);
  const { memory } = await requireMemory(db, actor, memoryId, "manage");
  if (memory.projectId === projectId) throw new AppError("invalid_input", { field: "memoryId", reason: "memory_self" });
  await attachMemory(db, projectId, memoryId, actor.userId);
  return projectMemories(db, actor, projectId);
}

/** Detaches a reference memory from the project (owners); its units stay where they belong. */
export async function detachProjectMemory(db: Db, actor: Actor, projectId: string, memoryId: string) {
  await requireProject(db, actor, projectId, "project.settings");
  if (!(await detachMemory(db, projectId, memoryId))) throw new AppError("not_found");
  return projectMemories(db, actor, projectId);
}

/** Working memories (and imported ones) of other projects the asker owns, not yet attached here. */
export async function attachableMemories(db: Db, actor: Actor, projectId: string) {
  const owned = (await ownedProjectIds(db, actor)).filter((id) => id !== projectId);
  const attached = new Set(
    (await db.projectMemory.findMany({ where: { projectId }, select: { memoryId: true } })).map((a) => a.memoryId),
  );
  const memories = await db.memory.findMany({
    where: { projectId: { in: owned } },
    include: { project: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memories.filter((m) => !attached.has(m.id));
}

export const UnitsQuery = z.object({
  target: z.string().min(2).max(20).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const unitView = (u: {
  id: number;
  kind: string;
  targetLang: string;
  source: string;
  target: string;
  status: string;
  authorName: string | null;
  originDocumentId: string | null;
  updatedAt: Date;
}) => ({
  id: u.id,
  kind: u.kind,
  targetLang: u.targetLang,
  source: u.source,
  target: u.target,
  status: u.status,
  authorName: u.authorName,
  originDocumentId: u.originDocumentId,
  updatedAt: u.updatedAt.toISOString(),
});

/** One page of a memory's units, newest first, for anyone who may read it. */
export async function memoryUnits(db: Db, actor: Actor, memoryId: string, raw: unknown) {
  await requireMemory(db, actor, memoryId, "read");
  const q = parseInput(UnitsQuery, raw);
  const page = await listMemoryUnits(db, memoryId, { targetLang: q.target, before: q.before, limit: q.limit });
  return { units: page.units.map(unitView), total: page.total, next: page.next };
}

async function unitOf(db: Db, memoryId: string, unitId: number) {
  const unit = await db.memoryUnit.findUnique({ where: { id: unitId }, select: { memoryId: true } });
  if (!unit || unit.memoryId !== memoryId) throw new AppError("not_found");
}

const UnitId = z.coerce.number().int().positive();

/** Edits a unit (owners of the memory's project). */
export async function editMemoryUnit(db: Db, actor: Actor, memoryId: string, rawId: string, raw: unknown) {
  await requireMemory(db, actor, memoryId, "manage");
  const unitId = parseInput(UnitId, rawId);
  await unitOf(db, memoryId, unitId);
  return { unit: unitView(await updateMemoryUnit(db, unitId, actor.userId, raw)) };
}

export async function removeMemoryUnit(db: Db, actor: Actor, memoryId: string, rawId: string) {
  await requireMemory(db, actor, memoryId, "manage");
  const unitId = parseInput(UnitId, rawId);
  await unitOf(db, memoryId, unitId);
  await deleteMemoryUnit(db, unitId);
  return { ok: true as const };
}

/** Deletes a memory with its units (owners of its project); a working memory is made anew on the next confirm. */
export async function removeMemory(db: Db, actor: Actor, memoryId: string) {
  await requireMemory(db, actor, memoryId, "manage");
  await deleteMemory(db, memoryId);
  return { ok: true as const };
}

/** The project's memory settings, changed by its owners (threshold, repetitions, pre-translation, weights). */
export async function changeMemorySettings(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "project.settings");
  return updateMemorySettings(db, projectId, raw);
}
