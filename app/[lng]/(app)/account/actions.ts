"use server";

import { revalidatePath } from "next/cache";
import { newPasswordFrom } from "@/app/_lib/password-fields";
import { clientAddress } from "@/app/_lib/request-info";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { currentSession } from "@/app/_lib/session";
import { changeOwnPassword, createTokenWithPassword } from "@/lib/auth/passwords";
import { changeEmail, changeName } from "@/lib/auth/profile";
import { revokeApiToken } from "@/lib/auth/tokens";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function changePasswordAction(_prev: ActionResult<boolean> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    // A changed password must lock out whoever knew the old one: every other session ends and every
    // API token is revoked; this browser stays signed in.
    await changeOwnPassword(db, actor, {
      currentPassword: field(form, "currentPassword"),
      newPassword: newPasswordFrom(form, "newPassword"),
      address: await clientAddress(),
      sessionToken: (await currentSession())?.session.token ?? null,
    });
    revalidatePath("/[lng]/account", "page");
    return true;
  });
}

export async function createTokenAction(_prev: ActionResult<{ token: string }> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const created = await createTokenWithPassword(db, actor, {
      name: field(form, "name"),
      currentPassword: field(form, "currentPassword"),
      address: await clientAddress(),
    });
    revalidatePath("/[lng]/account", "page");
    return { token: created.token };
  });
}

export async function revokeTokenAction(form: FormData) {
  await runAction(async ({ actor, db }) => {
    await revokeApiToken(db, actor.userId, field(form, "tokenId"));
    revalidatePath("/[lng]/account", "page");
  });
}

export async function changeNameAction(_prev: ActionResult<{ name: string }> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const { name } = await changeName(db, actor, { name: field(form, "name") });
    // The top bar and every page name the person.
    revalidatePath("/[lng]", "layout");
    return { name };
  });
}

export async function changeEmailAction(
  _prev: ActionResult<{ email: string; confirmed: boolean }> | null,
  form: FormData,
) {
  return runAction(async ({ actor, db }) => {
    const changed = await changeEmail(
      db,
      actor,
      { email: field(form, "email"), currentPassword: field(form, "currentPassword") },
      await clientAddress(),
    );
    revalidatePath("/[lng]", "layout");
    return changed;
  });
}
