// A document as PATCH /documents/{id} answers it: title and place in its project's list.
import type { Db } from "../db/client";
import { documentOrder } from "./manage";
import { openDocument } from "./visibility";

export async function manageDocumentAnswer(db: Db, documentId: string) {
  const document = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { id: true, title: true, projectId: true },
  });
  const order = await db.document.findMany({
    where: { projectId: document.projectId, ...openDocument },
    orderBy: [...documentOrder],
    select: { id: true },
  });
  return { id: document.id, title: document.title, position: order.findIndex((d) => d.id === documentId) + 1 };
}
