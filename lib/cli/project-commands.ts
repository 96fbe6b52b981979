// `project …`, `document …` and `user set` on the command line. Like the other commands they act as
// the server's administrator (no permission check; recorded with no actor) and check their input
// with the same rules as the API, refusing with one line meant for the person at the terminal.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { findUserByEmail } from "../auth/users";
import type { Db } from "../db/client";
import { documentOrder, renameDocumentIn } from "../documents/manage";
import { restoreDocumentIn, trashDocumentIn } from "../documents/trash";
import { updateSourceOf } from "../documents/update-source/update-source";
import { AppError } from "../errors";
import { tooLarge } from "../exchange/import/errors";
import { maxUploadBytes } from "../exchange/import/limits";
import { errorMessage } from "../i18n/error-message";
import { createProjectIn, parseNewProject } from "../projects/create-project";
import { langsOf, targetLanguages } from "../projects/languages";
import { NameField } from "../projects/project-input";
import { restoreProjectIn, setArchivedIn, trashProjectIn } from "../projects/trash";
import { type CliIo, findProject, formatTable } from "./commands";

/** An input refusal as one English line (the API's own message for its reason). */
function refused(error: unknown): never {
  if (error instanceof AppError && error.message === error.code) {
    throw new AppError(error.code, error.details, errorMessage(error, "en"));
  }
  throw error;
}

async function accountFor(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError("not_found", { field: "email" }, `No account with email ${email}.`);
  return user;
}

const YES = ["yes", "true", "1"];
const NO = ["no", "false", "0"];

export async function userSet(db: Db, args: { email: string; "may-create-projects"?: string }, io: CliIo) {
  const user = await accountFor(db, args.email);
  const value = args["may-create-projects"]?.toLowerCase();
  if (value === undefined || ![...YES, ...NO].includes(value)) {
    throw new AppError("invalid_input", { field: "may-create-projects" }, "Give --may-create-projects yes or no.");
  }
  const may = YES.includes(value);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { mayCreateProjects: may } });
    await tx.auditEvent.create({
      data: {
        action: "user.may-create-projects",
        projectId: null,
        entityType: "user",
        entityId: user.id,
        data: JSON.stringify({ to: may }),
      },
    });
  });
  io.out(
    `${user.email} ${may ? "may now" : "may no longer"} create projects${user.isAdmin ? " (as an administrator, always may)" : ""}.`,
  );
  return { userId: user.id, mayCreateProjects: may };
}

export async function projectCreate(
  db: Db,
  args: { name: string; source?: string; targets: string; owner?: string },
  io: CliIo,
) {
  let project: ReturnType<typeof parseNewProject>;
  try {
    project = parseNewProject({
      name: args.name,
      sourceLang: args.source ?? "uk",
      targetLangs: args.targets.split(","),
    });
  } catch (error) {
    refused(error);
  }
  const owner = args.owner
    ? await accountFor(db, args.owner)
    : await db.user.findFirst({ where: { isAdmin: true }, orderBy: { createdAt: "asc" } });
  if (!owner)
    throw new AppError(
      "not_found",
      { field: "owner" },
      "There is no administrator yet: name the owner with --owner EMAIL.",
    );
  const { id } = await db.$transaction((tx) => createProjectIn(tx, project, owner.id, null));
  io.out(
    `Created project "${project.name}" (id ${id}): ${project.sourceLang} → ${project.targetLangs.join(", ")}, owned by ${owner.email}.`,
  );
  return { id };
}

const stateOf = (p: { archivedAt: Date | null; deletedAt: Date | null }) =>
  p.deletedAt ? "trash" : p.archivedAt ? "archived" : "active";

export async function projectList(db: Db, _args: Record<string, never>, io: CliIo) {
  const projects = await db.project.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      languages: targetLanguages,
      memberships: { where: { role: "owner" }, include: { user: { select: { email: true } } } },
      _count: { select: { documents: { where: { binOfId: null, deletedAt: null } } } },
    },
  });
  if (projects.length === 0) {
    io.out("No projects yet. Create one with: npm run parallel -- project create --name N --targets en,kk");
    return projects;
  }
  const rows = projects.map((p) => [
    p.id,
    p.name,
    `${p.sourceLang} → ${langsOf(p.languages).join(",")}`,
    stateOf(p),
    String(p._count.documents),
    p.memberships.map((m) => m.user.email).join(","),
  ]);
  for (const line of formatTable([["ID", "NAME", "LANGUAGES", "STATE", "DOCUMENTS", "OWNERS"], ...rows])) io.out(line);
  return projects;
}

export async function projectArchive(db: Db, args: { project: string }, io: CliIo) {
  const project = await findProject(db, args.project);
  const changed = await db.$transaction((tx) => setArchivedIn(tx, null, project.id, true));
  io.out(
    changed ? `Archived "${project.name}": it is read-only until restored.` : `"${project.name}" was already archived.`,
  );
}

export async function projectRestore(db: Db, args: { project: string }, io: CliIo) {
  const { id, name } = await findProject(db, args.project);
  const project = await db.project.findUniqueOrThrow({ where: { id } });
  if (project.deletedAt) {
    await db.$transaction((tx) => restoreProjectIn(tx, null, id));
    io.out(
      `Restored "${name}" from the trash${project.archivedAt ? " (it is still archived: restore again to unarchive)" : ""}.`,
    );
  } else if (project.archivedAt) {
    await db.$transaction((tx) => setArchivedIn(tx, null, id, false));
    io.out(`"${name}" is out of the archive.`);
  } else io.out(`"${name}" is neither archived nor in the trash; nothing was changed.`);
}

export async function projectDelete(db: Db, args: { project: string }, io: CliIo) {
  const { id, name } = await findProject(db, args.project);
  const project = await db.project.findUniqueOrThrow({ where: { id } });
  if (project.deletedAt) return io.out(`"${name}" is already in the trash.`);
  const purgeAt = await db.$transaction((tx) => trashProjectIn(tx, null, id));
  io.out(
    `Moved "${name}" to the trash. It can be restored until ${purgeAt.toISOString().slice(0, 10)}: npm run parallel -- project restore ${id}`,
  );
}

async function findDocument(db: Db, id: string) {
  const document = await db.document.findUnique({ where: { id } });
  if (!document || document.binOfId)
    throw new AppError("not_found", { field: "document" }, `No document with id "${id}".`);
  return document;
}

export async function documentList(db: Db, args: { project: string }, io: CliIo) {
  const project = await findProject(db, args.project);
  const documents = await db.document.findMany({
    where: { projectId: project.id, binOfId: null },
    orderBy: [...documentOrder],
    include: { _count: { select: { segments: true } } },
  });
  if (documents.length === 0) return io.out(`"${project.name}" has no documents.`);
  const rows = documents.map((d) => [
    d.id,
    d.title,
    String(d._count.segments),
    d.deletedAt ? "trash" : "active",
    d.fileName ?? "",
  ]);
  for (const line of formatTable([["ID", "TITLE", "PARAGRAPHS", "STATE", "FILE"], ...rows])) io.out(line);
  return documents;
}

export async function documentRename(db: Db, args: { document: string; title: string }, io: CliIo) {
  const document = await findDocument(db, args.document);
  const title = NameField.safeParse(args.title);
  if (!title.success) {
    throw new AppError("invalid_input", { field: "title" }, "The title must be one line of 1 to 200 characters.");
  }
  await db.$transaction((tx) => renameDocumentIn(tx, null, document, title.data));
  io.out(`Renamed "${document.title}" to "${title.data}".`);
}

export async function documentDelete(db: Db, args: { document: string }, io: CliIo) {
  const document = await findDocument(db, args.document);
  if (document.deletedAt) return io.out(`"${document.title}" is already in the trash.`);
  const purgeAt = await db.$transaction((tx) => trashDocumentIn(tx, null, document));
  io.out(`Moved "${document.title}" to the trash. It can be restored until ${purgeAt.toISOString().slice(0, 10)}.`);
}

export async function documentRestore(db: Db, args: { document: string }, io: CliIo) {
  const document = await findDocument(db, args.document);
  if (!document.deletedAt) return io.out(`"${document.title}" is not in the trash; nothing was changed.`);
  await db.$transaction((tx) => restoreDocumentIn(tx, null, document));
  io.out(`Restored "${document.title}".`);
}

export async function documentUpdateSource(
  db: Db,
  args: { document: string; file: string; "dry-run"?: boolean },
  io: CliIo,
) {
  const document = await findDocument(db, args.document);
  if (document.deletedAt)
    throw new AppError("not_found", { field: "document" }, `"${document.title}" is in the trash: restore it first.`);
  const project = await db.project.findUniqueOrThrow({
    where: { id: document.projectId },
    include: { languages: targetLanguages },
  });
  if (project.archivedAt) throw new AppError("read_only", {}, `"${project.name}" is archived: restore it first.`);
  const info = await stat(args.file).catch(() => null);
  if (!info?.isFile()) throw new AppError("not_found", { field: "file" }, `No file at ${args.file}.`);
  if (info.size > maxUploadBytes()) throw tooLarge(maxUploadBytes());
  const upload = { fileName: path.basename(args.file), bytes: new Uint8Array(await readFile(args.file)) };
  const dryRun = Boolean(args["dry-run"]);
  let counts: Awaited<ReturnType<typeof updateSourceOf>>;
  try {
    counts = await updateSourceOf(db, document, langsOf(project.languages), upload, { dryRun, actorId: null });
  } catch (error) {
    refused(error);
  }
  const summary = `${counts.kept} kept, ${counts.changed} changed, ${counts.added} new, ${counts.removed} removed`;
  io.out(
    dryRun
      ? `Would update "${document.title}": ${summary}. Nothing was changed (--dry-run).`
      : `Updated "${document.title}": ${summary}.`,
  );
  return counts;
}
