// First start: the first visitor creates the owner account. Gone once any account exists.
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";

export default async function SetupPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  if ((await getDb().user.count()) > 0) notFound();
  const t = getT(lng);
  return (
    <section className="card narrow">
      <h1>{t("auth.setupTitle")}</h1>
      <p className="muted">{t("auth.setupIntro")}</p>
      <SetupForm lng={lng} />
    </section>
  );
}
