"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress, safeNext } from "@/app/_lib/request-info";
import type { ActionError } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLng } from "@/lib/i18n/settings";

type SignInState = { error?: ActionError; email?: string };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const lngValue = String(form.get("lng") ?? "");
  const lng = isLng(lngValue) ? lngValue : "en";
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase();
  const password = String(form.get("password") ?? "");
  const db = getDb();
  const address = await clientAddress();
  try {
    await assertSignInAllowed(db, email, address);
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, details: error.details }, email };
    throw error;
  }
  try {
    const auth = await getAuth();
    // better-auth issues a brand-new session token on every sign-in (no session fixation) and
    // sets it as an httpOnly, SameSite=Lax cookie through its nextCookies plugin.
    await auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers: await headers() });
  } catch {
    // Unknown email and wrong password: the same answer, so accounts cannot be discovered.
    await recordSignInFailure(db, email, address);
    return { error: { code: "invalid_credentials" }, email };
  }
  await recordSignInSuccess(db, email);
  redirect(safeNext(form.get("next"), lng));
}

export async function signOutAction(form: FormData) {
  const lngValue = String(form.get("lng") ?? "");
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect(`/${isLng(lngValue) ? lngValue : "en"}/sign-in`);
}
