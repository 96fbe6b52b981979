import { z } from "zod";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { parseInput } from "../parse-input";

export const ProjectSettingsInput = z.object({
  reviewersMayEdit: z.boolean().optional(),
  translatorsMayEditGlossary: z.boolean().optional(),
  qualityThreshold: z.number().min(0).max(1000).optional(),
});

export async function updateProjectSettings(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "project.settings");
  const settings = parseInput(ProjectSettingsInput, raw);
  await db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    await tx.project.update({ where: { id: projectId }, data: settings });
    await tx.auditEvent.create({
      data: {
        actorId: actor.userId,
        action: "project.settings",
        projectId,
        entityType: "project",
        entityId: projectId,
        data: JSON.stringify({
          from: {
            reviewersMayEdit: before.reviewersMayEdit,
            qualityThreshold: before.qualityThreshold,
            translatorsMayEditGlossary: before.translatorsMayEditGlossary,
          },
          to: settings,
        }),
      },
    });
  });
}
