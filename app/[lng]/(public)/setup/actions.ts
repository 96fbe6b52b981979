"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { newPasswordFrom } from "@/app/_lib/password-fields";
import { clientAddress } from "@/app/_lib/request-info";
import { type ActionError, runAction } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { assertSetupCode } from "@/lib/auth/setup-code";
import { createFirstOwner } from "@/lib/auth/users";
import { isLng } from "@/lib/i18n/settings";

type SetupState = { error?: ActionError; name?: string; email?: string; setupCode?: string };

export async function setupAction(_prev: SetupState, form: FormData): Promise<SetupState> {
  const lngValue = String(form.get("lng") ?? "");
  const lng = isLng(lngValue) ? lngValue : "en";
  const email = String(form.get("email") ?? "");
  const result = await runAction(
    async ({ db }) => {
      const password = newPasswordFrom(form);
      // Only someone who can read the server's console knows the code (lib/auth/setup-code.ts).
      await assertSetupCode(db, String(form.get("setupCode") ?? ""), await clientAddress());
      // createFirstOwner refuses (setup_done) once any account exists, inside its transaction,
      // and spends the code there.
      await createFirstOwner(db, { email, name: String(form.get("name") ?? ""), password });
      const auth = await getAuth();
      await auth.api.signInEmail({ body: { email: email.trim().toLowerCase(), password }, headers: await headers() });
    },
    { public: true },
  );
  if (!result.ok) {
    // What was typed comes back, except the passwords; a wrong code is not worth keeping.
    const setupCode = result.error.code === "setup_code_invalid" ? "" : String(form.get("setupCode") ?? "");
    return { error: result.error, email, name: String(form.get("name") ?? ""), setupCode };
  }
  redirect(`/${lng}`);
}
