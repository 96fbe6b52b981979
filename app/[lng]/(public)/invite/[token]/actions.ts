"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { newPasswordFrom } from "@/app/_lib/password-fields";
import { type ActionError, runAction } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { isLng } from "@/lib/i18n/settings";
import { acceptInvitationLink } from "@/lib/projects/invitations";

export async function acceptInvitationAction(
  _prev: { error?: ActionError },
  form: FormData,
): Promise<{ error?: ActionError }> {
  const lngValue = String(form.get("lng") ?? "");
  const lng = isLng(lngValue) ? lngValue : "en";
  const token = String(form.get("token") ?? "");
  const result = await runAction(
    async ({ db }) => {
      const password = newPasswordFrom(form);
      const { email } = await acceptInvitationLink(db, token, { name: String(form.get("name") ?? ""), password });
      const auth = await getAuth();
      await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
    },
    { public: true },
  );
  if (!result.ok) return { error: result.error };
  redirect(`/${lng}`);
}
