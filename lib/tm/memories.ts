// Which memories there are and which a project reads. Every project has one working memory (made on
// first use); reference memories are attached to it read-only: imported ones, and other projects'
// working memories. No permission checks here: callers decide who may read or change what.
import type { Db, Tx } from "../db/client";
import { upsertOnce } from "../db/upsert-once";

export const memoryKinds = ["working", "imported"] as const;
export type MemoryKind = (typeof memoryKinds)[number];

/** The project's working memory, created on first use (once, however many confirms race for it). */
export async function workingMemory(db: Db | Tx, projectId: string) {
  const found = await db.memory.findUnique({ where: { workingOf: projectId } });
  if (found) return found;
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { name: true, sourceLang: true },
  });
  return upsertOnce(
    () =>
      db.memory.upsert({
        where: { workingOf: projectId },
        update: {},
        create: {
          projectId,
          kind: "working",
          workingOf: projectId,
          name: project.name,
          sourceLang: project.sourceLang,
        },
      }),
    () => db.memory.findUniqueOrThrow({ where: { workingOf: projectId } }),
  );
}

/** The memories a project reads: its working memory (if it has one yet), then the attached ones. */
export async function projectMemoryIds(db: Db | Tx, projectId: string): Promise<string[]> {
  const [working, attached] = await Promise.all([
    db.memory.findUnique({ where: { workingOf: projectId }, select: { id: true } }),
    db.projectMemory.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { memoryId: true } }),
  ]);
  return [...(working ? [working.id] : []), ...attached.map((a) => a.memoryId).filter((id) => id !== working?.id)];
}

/** The memories a project reads, with their unit counts, for a list. */
export async function listProjectMemories(db: Db, projectId: string) {
  const ids = await projectMemoryIds(db, projectId);
  const [memories, counts] = await Promise.all([
    db.memory.findMany({ where: { id: { in: ids } } }),
    db.memoryUnit.groupBy({ by: ["memoryId"], where: { memoryId: { in: ids } }, _count: { _all: true } }),
  ]);
  const count = new Map(counts.map((c) => [c.memoryId, c._count._all]));
  const byId = new Map(memories.map((m) => [m.id, m]));
  return ids.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    return [{ ...m, units: count.get(id) ?? 0, readOnly: m.workingOf !== projectId }];
  });
}

/** Attaches a memory to a project as a reference (read only); attaching it again changes nothing. */
export async function attachMemory(db: Db | Tx, projectId: string, memoryId: string, addedById: string | null) {
  await upsertOnce(
    () =>
      db.projectMemory.upsert({
        where: { projectId_memoryId: { projectId, memoryId } },
        update: {},
        create: { projectId, memoryId, addedById },
      }),
    async () => null,
  );
}

export async function detachMemory(db: Db | Tx, projectId: string, memoryId: string): Promise<boolean> {
  const { count } = await db.projectMemory.deleteMany({ where: { projectId, memoryId } });
  return count > 0;
}

/** Whether a project reads a memory (its own working memory or an attached one). */
export async function projectUsesMemory(db: Db | Tx, projectId: string, memoryId: string): Promise<boolean> {
  return (await projectMemoryIds(db, projectId)).includes(memoryId);
}

/**
 * Deletes a memory with its units and attachments; false when there was none. Every unit leaves
 * the full-text indexes through their triggers: a million units take minutes, in one transaction.
 */
export async function deleteMemory(db: Db, memoryId: string): Promise<boolean> {
  const { count } = await db.memory.deleteMany({ where: { id: memoryId } });
  return count > 0;
}

/**
 * The projects that read a memory: the one it belongs to and those it is attached to. A memory is
 * readable by the members of any of them (the caller checks membership).
 */
export async function projectsUsingMemory(db: Db | Tx, memoryId: string): Promise<string[]> {
  const memory = await db.memory.findUnique({
    where: { id: memoryId },
    select: { projectId: true, attachments: { select: { projectId: true } } },
  });
  if (!memory) return [];
  return [...new Set([memory.projectId, ...memory.attachments.map((a) => a.projectId)])];
}
