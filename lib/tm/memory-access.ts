// Who may read and change a memory. A memory is readable by the members of every project that uses
// it (its own project, and those it is attached to as a reference); it is changed (units edited or
// deleted, the memory deleted) only by owners of the project it belongs to. Like requireProject,
// someone who may not read a memory is told it does not exist.
import type { Actor } from "../auth/actor";
import { roleAllows } from "../auth/permissions";
import { ProjectRole } from "../auth/roles";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { projectsUsingMemory } from "./memories";

export type MemoryAction = "read" | "manage";

/** The memory, if the actor may `action` it; not_found (never readable) or forbidden otherwise. */
export async function requireMemory(db: Db, actor: Actor, memoryId: string, action: MemoryAction) {
  const memory = await db.memory.findUnique({ where: { id: memoryId } });
  if (!memory) throw new AppError("not_found");
  const projectIds = await projectsUsingMemory(db, memoryId);
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, projectId: { in: projectIds } },
    include: { project: { select: { reviewersMayEdit: true } } },
  });
  const may = (m: (typeof memberships)[number], what: "project.read" | "project.settings") =>
    roleAllows(ProjectRole.parse(m.role), what, { reviewersMayEdit: m.project.reviewersMayEdit });
  if (!memberships.some((m) => may(m, "project.read"))) throw new AppError("not_found");
  const own = memberships.find((m) => m.projectId === memory.projectId);
  const manage = own !== undefined && may(own, "project.settings");
  if (action === "manage" && !manage) throw new AppError("forbidden", { action: "memory.manage" });
  return { memory, mayManage: manage };
}

/** The ids of the projects where the actor's role allows `project.settings` (owners), for attaching. */
export async function ownedProjectIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { userId: actor.userId },
    include: { project: { select: { reviewersMayEdit: true } } },
  });
  return rows
    .filter((m) =>
      roleAllows(ProjectRole.parse(m.role), "project.settings", { reviewersMayEdit: m.project.reviewersMayEdit }),
    )
    .map((m) => m.projectId);
}
