"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/app/_lib/run-action";
import { restoreFromBin } from "@/lib/segments/bin-restore";

export async function restoreParagraphAction(segmentId: string) {
  return runAction(async ({ actor, db }) => {
    const restored = await restoreFromBin(db, actor, segmentId);
    revalidatePath("/[lng]/documents/[id]", "layout");
    return restored;
  });
}
