"use server";

import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { isLng } from "@/lib/i18n/settings";
import { createProject } from "@/lib/projects/create-project";

export async function createProjectAction(_prev: ActionResult<void> | null, form: FormData) {
  const lng = String(form.get("lng") ?? "");
  const result = await runAction(async ({ actor, db }) => {
    const { id } = await createProject(db, actor, {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      sourceLang: String(form.get("sourceLang") ?? ""),
      targetLangs: form.getAll("targetLangs").map(String),
    });
    return id;
  });
  if (!result.ok) return result;
  redirect(`/${isLng(lng) ? lng : "en"}/projects/${result.data}`);
}
