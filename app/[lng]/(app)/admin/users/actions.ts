"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/app/_lib/run-action";
import { setMayCreateProjects } from "@/lib/admin/users";

export async function mayCreateProjectsAction(userId: string, may: boolean) {
  return runAction(async ({ actor, db }) => {
    await setMayCreateProjects(db, actor, userId, may);
    revalidatePath("/[lng]/admin/users", "page");
  });
}
