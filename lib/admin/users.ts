// Accounts as a site administrator manages them on the administration page: who may create projects.

import { auditIn } from "../audit/record";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";

function requireAdmin(actor: Actor) {
  // Someone else is told nothing is there: the page does not exist for them.
  if (!actor.isAdmin) throw new AppError("not_found");
}

export async function listAccounts(db: Db, actor: Actor) {
  requireAdmin(actor);
  return db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      mayCreateProjects: true,
      emailVerified: true,
      _count: { select: { memberships: true } },
    },
  });
}

export async function setMayCreateProjects(db: Db, actor: Actor, userId: string, may: boolean) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { mayCreateProjects: may } });
    if (count !== 1) throw new AppError("not_found");
    await auditIn(tx, actor.userId, {
      action: "user.may-create-projects",
      projectId: null,
      entityType: "user",
      entityId: userId,
      data: { to: may },
    });
  });
}
