"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_lib/run-action";
import { bands } from "@/lib/tm/bands";
import { attachProjectMemory, changeMemorySettings, detachProjectMemory, removeMemory } from "@/lib/tm/memory-admin";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const refresh = () => revalidatePath("/[lng]/projects/[id]/memories", "page");

export async function attachMemoryAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await attachProjectMemory(db, actor, field(form, "projectId"), { memoryId: field(form, "memoryId") });
    refresh();
  });
}

export async function detachMemoryAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await detachProjectMemory(db, actor, field(form, "projectId"), field(form, "memoryId"));
    refresh();
  });
}

export async function deleteMemoryAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await removeMemory(db, actor, field(form, "memoryId"));
    refresh();
  });
}

/** Numbers from the form as numbers (an empty or non-numeric field is left to the schema to refuse). */
const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

export async function memorySettingsAction(_prev: ActionResult<void> | null, form: FormData) {
  return runAction(async ({ actor, db }) => {
    await changeMemorySettings(db, actor, field(form, "projectId"), {
      threshold: num(field(form, "threshold")),
      repetitions: form.get("repetitions") === "on",
      exactAsTranslated: form.get("exactAsTranslated") === "on",
      analysisWeights: Object.fromEntries(bands.map((b) => [b, num(field(form, `weight-${b}`))])),
    });
    refresh();
  });
}
