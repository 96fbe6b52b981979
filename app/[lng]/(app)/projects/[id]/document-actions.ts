"use server";
// The project page's document actions: rename, move, trash, restore, delete forever.

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { updateDocument } from "@/lib/documents/manage";
import { purgeDocument, restoreDocument, trashDocument } from "@/lib/documents/trash";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const refresh = () => revalidatePath("/[lng]/projects/[id]", "page");

export async function renameDocumentAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await updateDocument(db, actor, field(form, "documentId"), { title: field(form, "title") });
    refresh();
  });
}

export async function moveDocumentAction(documentId: string, position: number) {
  return runAction(async ({ actor, db }) => {
    await updateDocument(db, actor, documentId, { position });
    refresh();
  });
}

export async function trashDocumentAction(documentId: string) {
  return runAction(async ({ actor, db }) => {
    await trashDocument(db, actor, documentId);
    refresh();
  });
}

export async function restoreDocumentAction(documentId: string) {
  return runAction(async ({ actor, db }) => {
    await restoreDocument(db, actor, documentId);
    refresh();
  });
}

export async function purgeDocumentAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await purgeDocument(db, actor, field(form, "documentId"), field(form, "confirm"));
    refresh();
  });
}
