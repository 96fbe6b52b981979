// A new project: site administrators, and people an administrator allowed (User.mayCreateProjects),
// create one; its creator becomes its owner. The command line creates one for any account.
import { z } from "zod";
import { auditIn } from "../audit/record";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { parseLanguages } from "./language-tags";
import { DescriptionField, LanguageList, NameField } from "./project-input";

export const CreateProjectInput = z.object({
  name: NameField.describe("1 to 200 characters"),
  description: DescriptionField.optional().describe("Up to 2,000 characters"),
  sourceLang: z
    .string({ message: "bad_language_tag" })
    .describe("BCP 47 tag of the language documents are translated from, e.g. uk"),
  targetLangs: LanguageList.describe('BCP 47 tags of the languages translated into, e.g. ["en", "kk"]; at least one'),
});

export interface NewProject {
  name: string;
  description: string;
  sourceLang: string;
  targetLangs: string[];
}

/** The input checked and put in canonical form, or the translated refusal. */
export function parseNewProject(raw: unknown): NewProject {
  const input = parseInput(CreateProjectInput, raw);
  return {
    name: input.name,
    description: input.description ?? "",
    ...parseLanguages(input.sourceLang, input.targetLangs),
  };
}

/** Whether this account may create projects: administrators, and those an administrator allowed. */
export async function mayCreateProjects(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isAdmin: true, mayCreateProjects: true } });
  return Boolean(user && (user.isAdmin || user.mayCreateProjects));
}

export async function createProject(db: Db, actor: Actor, raw: unknown): Promise<{ id: string }> {
  if (!(await mayCreateProjects(db, actor.userId))) {
    throw new AppError("forbidden", { action: "project.create", reason: "may_not_create" });
  }
  const project = parseNewProject(raw);
  return db.$transaction((tx) => createProjectIn(tx, project, actor.userId, actor.userId));
}

/** Writes the project, its languages and its owner's membership; `createdBy` null from the command line. */
export async function createProjectIn(tx: Tx, project: NewProject, ownerId: string, createdBy: string | null) {
  const created = await tx.project.create({
    data: {
      name: project.name,
      description: project.description,
      sourceLang: project.sourceLang,
      createdById: ownerId,
      languages: { create: project.targetLangs.map((lang, position) => ({ lang, position })) },
      memberships: { create: { userId: ownerId, role: "owner" } },
    },
    select: { id: true },
  });
  await auditIn(tx, createdBy, {
    action: "project.create",
    projectId: created.id,
    entityType: "project",
    entityId: created.id,
    data: { ...project, ownerId },
  });
  return created;
}
