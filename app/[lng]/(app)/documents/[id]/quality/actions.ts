"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { updateProjectSettings } from "@/lib/projects/settings";

export async function thresholdAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await updateProjectSettings(db, actor, String(form.get("projectId") ?? ""), {
      qualityThreshold: Number(form.get("threshold")),
    });
    revalidatePath("/[lng]/documents/[id]/quality", "page");
  });
}
