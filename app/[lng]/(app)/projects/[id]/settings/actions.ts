"use server";
// The settings page's actions: one per section, each through the same domain functions as the API.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { isLng } from "@/lib/i18n/settings";
import { updateProjectSettings } from "@/lib/projects/settings";
import { setArchived, trashProject } from "@/lib/projects/trash";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const refresh = () => revalidatePath("/[lng]/projects/[id]", "layout");

/** Which fields a section's form sends: only those are changed. */
function settingsOf(form: FormData) {
  switch (field(form, "section")) {
    case "general":
      return { name: field(form, "name"), description: field(form, "description") };
    case "languages":
      return {
        targetLangs: form.getAll("targetLangs").map(String),
        confirmRemoveLanguages: form.get("confirmRemoveLanguages") === "yes",
      };
    case "permissions":
      return {
        reviewersMayEdit: form.get("reviewersMayEdit") === "on",
        translatorsMayEditGlossary: form.get("translatorsMayEditGlossary") === "on",
        translatorsMayEditSource: form.get("translatorsMayEditSource") === "on",
        translatorsMayChangeApproved: form.get("translatorsMayChangeApproved") === "on",
      };
    case "quality":
      return { qualityThreshold: form.get("threshold") === "" ? Number.NaN : Number(form.get("threshold")) };
    default:
      return {};
  }
}

export async function projectSettingsAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await updateProjectSettings(db, actor, field(form, "projectId"), settingsOf(form));
    refresh();
  });
}

export async function archiveProjectAction(projectId: string, archived: boolean) {
  return runAction(async ({ actor, db }) => {
    await setArchived(db, actor, projectId, archived);
    refresh();
  });
}

export async function trashProjectAction(projectId: string, lng: string) {
  const result = await runAction(async ({ actor, db }) => {
    await trashProject(db, actor, projectId);
  });
  if (!result.ok) return result;
  redirect(`/${isLng(lng) ? lng : "en"}`);
}
