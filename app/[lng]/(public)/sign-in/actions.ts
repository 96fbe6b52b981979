"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/app/_lib/request-info";
import type { ActionError } from "@/app/_lib/run-action";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { signInWithPassword } from "@/lib/auth/sign-in";
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
  try {
    await signInWithPassword(getDb(), {
      email,
      password: String(form.get("password") ?? ""),
      address: await clientAddress(),
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, details: error.details }, email };
    throw error;
  }
  redirect(safeNextPath(form.get("next"), `/${lng}`));
}

export async function signOutAction(form: FormData) {
  const lngValue = String(form.get("lng") ?? "");
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect(`/${isLng(lngValue) ? lngValue : "en"}/sign-in`);
}
