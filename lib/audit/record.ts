// One row of AuditEvent: who changed what, for changes that have no history of their own (a
// project's settings, archive and trash, a document's title). actorId null: the command line, which
// acts as the server's administrator.
import type { Tx } from "../db/client";

export interface AuditFact {
  action: string;
  projectId: string | null;
  entityType: "project" | "document" | "user";
  entityId: string;
  data?: object;
}

export function auditIn(tx: Pick<Tx, "auditEvent">, actorId: string | null, fact: AuditFact) {
  return tx.auditEvent.create({
    data: {
      actorId,
      action: fact.action,
      projectId: fact.projectId,
      entityType: fact.entityType,
      entityId: fact.entityId,
      data: JSON.stringify(fact.data ?? {}),
    },
  });
}
