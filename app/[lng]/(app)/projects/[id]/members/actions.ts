"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { addMember, cancelInvitation, changeMemberRole, removeMember } from "@/lib/projects/members";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const refresh = () => revalidatePath("/[lng]/projects/[id]/members", "page");

type Added = { email: string; token?: string; emailConfirmed?: boolean };

export async function addMemberAction(_prev: ActionResult<Added> | null, form: FormData) {
  return runAction(async ({ actor, db }): Promise<Added> => {
    const email = field(form, "email").trim().toLowerCase();
    const result = await addMember(db, actor, field(form, "projectId"), { email, role: field(form, "role") });
    refresh();
    return result.kind === "invited"
      ? { email, token: result.token }
      : { email, emailConfirmed: result.emailConfirmed };
  });
}

export async function changeRoleAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await changeMemberRole(db, actor, field(form, "projectId"), field(form, "userId"), field(form, "role"));
    refresh();
  });
}

export async function removeMemberAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await removeMember(db, actor, field(form, "projectId"), field(form, "userId"));
    refresh();
  });
}

export async function cancelInvitationAction(form: FormData) {
  await runAction(async ({ actor, db }) => {
    await cancelInvitation(db, actor, field(form, "projectId"), field(form, "invitationId"));
    refresh();
  });
}
