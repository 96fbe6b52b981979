"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { updateQaSettings } from "@/lib/qa/store/settings-store";
import { settingsFromForm } from "./settings-from-form";

/** Saves the QA settings form (owners; the domain function checks). */
export async function saveQaSettingsAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    const projectId = String(form.get("projectId") ?? "");
    await updateQaSettings(db, actor, projectId, settingsFromForm(form));
    revalidatePath("/[lng]/projects/[id]/qa-settings", "page");
  });
}
