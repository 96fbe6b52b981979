// A new project: for site administrators and accounts an administrator allowed.
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { mayCreateProjects } from "@/lib/projects/create-project";
import { NewProjectForm } from "./new-project-form";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return isLng(lng) ? { title: getT(lng)("projects.new") } : {};
}

export default async function NewProjectPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const t = getT(lng);
  if (!(await mayCreateProjects(getDb(), actor.userId))) {
    return (
      <section className="card" role="alert">
        <p>{t("errors.reasons.may_not_create")}</p>
      </section>
    );
  }
  return (
    <>
      <h1>{t("projects.new")}</h1>
      <section className="card form-card">
        <NewProjectForm lng={lng} />
      </section>
    </>
  );
}
