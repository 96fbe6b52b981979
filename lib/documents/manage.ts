// A document's place in its project, for its owners: its title and its position in the list.
import { z } from "zod";
import { auditIn } from "../audit/record";
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { parseInput } from "../parse-input";
import { NameField } from "../projects/project-input";
import { openDocument } from "./visibility";

export const UpdateDocumentInput = z.object({
  title: NameField.optional().describe("The new title: 1 to 200 characters"),
  position: z
    .number({ message: "bad_position" })
    .int({ message: "bad_position" })
    .min(1, { message: "bad_position" })
    .optional()
    .describe("The document's new place in the project's list, from 1; a number past the end puts it last"),
});

/** The project's documents in the order people see them (arranged first, then the rest oldest first). */
export const documentOrder = [
  { position: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
] as const;

export async function updateDocument(db: Db, actor: Actor, documentId: string, raw: unknown) {
  const { document } = await requireDocument(db, actor, documentId, "document.manage");
  const input = parseInput(UpdateDocumentInput, raw);
  await db.$transaction(async (tx) => {
    if (input.title !== undefined && input.title !== document.title) {
      await renameDocumentIn(tx, actor.userId, document, input.title);
    }
    if (input.position !== undefined) await moveDocumentIn(tx, document.projectId, documentId, input.position);
  });
  return db.document.findUniqueOrThrow({ where: { id: documentId }, select: { id: true, title: true } });
}

export async function renameDocumentIn(
  tx: Tx,
  actorId: string | null,
  document: { id: string; projectId: string; title: string },
  title: string,
) {
  await tx.document.update({ where: { id: document.id }, data: { title } });
  await auditIn(tx, actorId, {
    action: "document.rename",
    projectId: document.projectId,
    entityType: "document",
    entityId: document.id,
    data: { from: document.title, to: title },
  });
}

/** Numbers the project's open documents 1…n with this one at `position`. */
export async function moveDocumentIn(tx: Tx, projectId: string, documentId: string, position: number) {
  const documents = await tx.document.findMany({
    where: { projectId, ...openDocument },
    orderBy: [...documentOrder],
    select: { id: true, position: true },
  });
  const others = documents.filter((d) => d.id !== documentId);
  const at = Math.min(position, others.length + 1) - 1;
  const order = [...others.slice(0, at), { id: documentId }, ...others.slice(at)];
  for (const [i, d] of order.entries()) {
    const was = documents.find((x) => x.id === d.id)?.position;
    if (was !== i + 1) await tx.document.update({ where: { id: d.id }, data: { position: i + 1 } });
  }
}
