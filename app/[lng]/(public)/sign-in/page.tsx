// Sign-in with email and password. With no account at all yet, first-start setup comes first.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/app/_lib/session";
import { safeNextPath } from "@/lib/auth/next-path";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string }>; searchParams: Promise<{ next?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("auth.signIn") } : {};
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const next = safeNextPath((await searchParams).next, `/${lng}`);
  if ((await getDb().user.count()) === 0) redirect(`/${lng}/setup`);
  if (await currentActor()) redirect(next);
  const t = getT(lng);
  return (
    <section className="card narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <SignInForm lng={lng} next={next} />
      <p className="muted">{t("auth.noSignUp")}</p>
    </section>
  );
}
