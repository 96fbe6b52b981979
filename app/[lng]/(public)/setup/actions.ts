"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { newPasswordFrom } from "@/app/_lib/password-fields";
import { type ActionError, runAction } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { createFirstOwner } from "@/lib/auth/users";
import { isLng } from "@/lib/i18n/settings";

type SetupState = { error?: ActionError; name?: string; email?: string };

export async function setupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const lngValue = String(form.get("lng") ?? "");
  const lng = isLng(lngValue) ? lngValue : "en";
  const email = String(form.get("email") ?? "");
  const result = await runAction(
    async ({ db }) => {
      const password = newPasswordFrom(form);
      // createFirstOwner refuses (setup_done) once any account exists, inside its transaction.
      await createFirstOwner(db, { email, name: String(form.get("name") ?? ""), password });
      const auth = await getAuth();
      await auth.api.signInEmail({ body: { email: email.trim().toLowerCase(), password }, headers: await headers() });
    },
    { public: true },
  );
  if (!result.ok) return { error: result.error, email, name: String(form.get("name") ?? "") };
  redirect(`/${lng}`);
}
