// Using another project's glossary read-only, like a shared termbase: its owner attaches it to a
// project they also own, and its terms are recognised in that project's documents from then on.
import { z } from "zod";
import { requireProject } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { attachGlossary, detachGlossary, projectGlossaries } from "./list";

export const AttachInput = z.object({
  projectId: z
    .string({ message: "unknown_glossary" })
    .min(1, { message: "unknown_glossary" })
    .max(100)
    .describe("The project whose glossary to use (you must own it too)"),
});

/** The other projects whose glossary the asker could attach: they own both, same source language, not yet attached. */
export async function attachableProjects(db: Db, actor: Actor, projectId: string) {
  await requireProject(db, actor, projectId, "glossary.attach");
  const [project, attached] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { sourceLang: true } }),
    projectGlossaries(db, projectId),
  ]);
  const taken = new Set([projectId, ...attached.map((g) => g.projectId)]);
  const owned = await db.project.findMany({
    where: { sourceLang: project.sourceLang, memberships: { some: { userId: actor.userId, role: "owner" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return owned.filter((p) => !taken.has(p.id)).map((p) => ({ projectId: p.id, projectName: p.name }));
}

/** The glossaries the project reads, as the API lists them after a change. */
async function attachedList(db: Db, projectId: string) {
  return (await projectGlossaries(db, projectId))
    .filter((g) => !g.own)
    .map((g) => ({ projectId: g.projectId, projectName: g.projectName }));
}

export async function attachProjectGlossary(db: Db, actor: Actor, projectId: string, raw: unknown) {
  const { projectId: fromId } = parseInput(AttachInput, raw);
  await requireProject(db, actor, projectId, "glossary.attach");
  if (fromId === projectId) throw new AppError("invalid_input", { field: "projectId", reason: "glossary_self" });
  // Owning the other project is what allows sharing its glossary: a member who is not its owner
  // learns nothing about it (not_found, as for any project one cannot see).
  await requireProject(db, actor, fromId, "glossary.attach").catch((error) => {
    throw error instanceof AppError && error.code === "forbidden"
      ? new AppError("forbidden", { field: "projectId", reason: "glossary_not_owner" })
      : error;
  });
  const [to, from] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { sourceLang: true } }),
    db.project.findUniqueOrThrow({ where: { id: fromId }, select: { sourceLang: true } }),
  ]);
  // Entries in another source language would never be recognised in this project's documents.
  if (to.sourceLang !== from.sourceLang)
    throw new AppError("invalid_input", {
      field: "projectId",
      reason: "glossary_other_source",
      value: from.sourceLang,
    });
  await attachGlossary(db, projectId, fromId);
  return { attached: await attachedList(db, projectId) };
}

/** Stops using an attached glossary. The project's owner may always do that, owner of the other or not. */
export async function detachProjectGlossary(db: Db, actor: Actor, projectId: string, fromProjectId: string) {
  await requireProject(db, actor, projectId, "glossary.attach");
  const glossary = await db.glossary.findUnique({ where: { projectId: fromProjectId }, select: { id: true } });
  const link =
    glossary &&
    (await db.projectGlossary.findUnique({ where: { projectId_glossaryId: { projectId, glossaryId: glossary.id } } }));
  if (!glossary || !link) throw new AppError("not_found", { field: "projectId" });
  await detachGlossary(db, projectId, glossary.id);
  return { attached: await attachedList(db, projectId) };
}
