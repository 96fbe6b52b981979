"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { newPasswordFrom } from "@/app/_lib/password-fields";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

export async function changePasswordAction(_prev: ActionResult<boolean> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const newPassword = newPasswordFrom(form, "newPassword");
    const auth = await getAuth();
    try {
      await auth.api.changePassword({
        body: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword, revokeOtherSessions: false },
        headers: await headers(),
      });
    } catch {
      throw new AppError("invalid_credentials");
    }
    // A changed password must lock out whoever knew the old one: every other session ends, this one stays.
    const current = await auth.api.getSession({ headers: await headers() });
    await db.session.deleteMany({ where: { userId: actor!.userId, NOT: { token: current?.session.token ?? "" } } });
    return true;
  });
}

export async function createTokenAction(_prev: ActionResult<{ token: string }> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const created = await createApiToken(db, actor!.userId, String(form.get("name") ?? ""));
    revalidatePath("/[lng]/account", "page");
    return { token: created.token };
  });
}

export async function revokeTokenAction(form: FormData) {
  await runAction(async ({ actor, db }) => {
    await revokeApiToken(db, actor!.userId, String(form.get("tokenId") ?? ""));
    revalidatePath("/[lng]/account", "page");
  });
}
