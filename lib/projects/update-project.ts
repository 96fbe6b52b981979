// PATCH of a project: its settings (owners: "project.settings") and whether it is archived ("project.archive"),
// in one request and one transaction. An archived project's settings change only in a request that
// also takes it out of the archive.
import { z } from "zod";
import { readOnly, requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import { roleAllows } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { changesSettings, ProjectSettingsInput, planSettings, writeSettingsIn } from "./settings";
import { setArchivedIn } from "./trash";

export const UpdateProjectInput = ProjectSettingsInput.extend({
  archived: z.boolean().optional().describe("Archive (read-only for everyone) or take out of the archive"),
});

export async function updateProject(db: Db, actor: Actor, projectId: string, raw: unknown) {
  const { archived, ...settings } = parseInput(UpdateProjectInput, raw);
  const access = await requireProject(
    db,
    actor,
    projectId,
    archived === undefined ? "project.settings" : "project.archive",
  );
  const changing = changesSettings(settings);
  if (changing && !roleAllows(access.role, "project.settings", access.policy)) {
    throw new AppError("forbidden", { action: "project.settings" });
  }
  if (changing && access.archived && archived !== false) throw readOnly();
  const plan = changing ? await planSettings(db, projectId, settings) : null;
  await db.$transaction(async (tx) => {
    if (archived === false) await setArchivedIn(tx, actor.userId, projectId, false);
    if (plan) await writeSettingsIn(tx, actor.userId, projectId, plan);
    if (archived === true) await setArchivedIn(tx, actor.userId, projectId, true);
  });
}
