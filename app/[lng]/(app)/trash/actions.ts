"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { purgeProject, restoreProject } from "@/lib/projects/trash";

export async function restoreProjectAction(projectId: string) {
  return runAction(async ({ actor, db }) => {
    await restoreProject(db, actor, projectId);
    revalidatePath("/[lng]", "layout");
  });
}

export async function purgeProjectAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await purgeProject(db, actor, String(form.get("projectId") ?? ""), String(form.get("confirm") ?? ""));
    revalidatePath("/[lng]/trash", "page");
  });
}
