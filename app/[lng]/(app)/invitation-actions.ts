"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { acceptInvitation, declineInvitation } from "@/lib/projects/invitations";

const refresh = () => revalidatePath("/[lng]", "page");

export async function answerInvitationAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const id = String(form.get("invitationId") ?? "");
    if (form.get("answer") === "accept") await acceptInvitation(db, actor, id);
    else await declineInvitation(db, actor, id);
    refresh();
  });
}
