"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/app/_lib/run-action";
import { isLng } from "@/lib/i18n/settings";
import { markRead, openInboxItem } from "@/lib/notes/inbox";

/** Opens an item of the inbox: it is marked read, then the paragraph it is about is shown. */
export async function openItemAction(form: FormData) {
  const lng = String(form.get("lng") ?? "");
  const result = await runAction(({ actor, db }) => openInboxItem(db, actor, String(form.get("noteId") ?? "")));
  if (!isLng(lng) || !result.ok) redirect(`/${isLng(lng) ? lng : "en"}/mentions`);
  const { documentId, lang, position } = result.data;
  revalidatePath("/[lng]", "layout");
  redirect(`/${lng}/documents/${documentId}${lang ? `?target=${encodeURIComponent(lang)}` : ""}#p${position}`);
}

export async function markAllReadAction(form: FormData) {
  const ids = form.getAll("noteId").map(String);
  if (ids.length > 0) await runAction(({ actor, db }) => markRead(db, actor, { noteIds: ids.slice(0, 500) }));
  revalidatePath("/[lng]", "layout");
}
