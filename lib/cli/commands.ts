// The administration commands behind `npm run parallel -- …`, one function per command. They act as
// the server's administrator (no actor), validate their own input and throw AppError with a message
// meant for the person at the terminal.
import { MIN_PASSWORD_LENGTH } from "../auth/constants";
import { setPassword } from "../auth/passwords";
import { ProjectRole, projectRoles } from "../auth/roles";
import { createApiToken } from "../auth/tokens";
import {
  confirmEmail,
  createFirstOwner,
  createUser,
  Email,
  findUserByEmail,
  Password,
  PersonName,
} from "../auth/users";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../errors";
import { addExistingUserIn } from "../projects/members";

export interface CliIo {
  /** One line (or block) of normal output. */
  out(line: string): void;
  /** Raw bytes to standard output (an export without --out). */
  write?(chunk: Uint8Array): Promise<void>;
  /** The new account's password: PARALLEL_PASSWORD, stdin, or a prompt, depending on the caller. */
  readPassword(): Promise<string>;
}

export const siteRoles = ["admin", "user"] as const;

function parseEmail(value: string): string {
  const email = Email.safeParse(value);
  if (!email.success)
    throw new AppError("invalid_input", { field: "email" }, `"${value}" is not a valid email address.`);
  return email.data;
}

function noAccount(email: string) {
  return new AppError(
    "not_found",
    { field: "email" },
    `No account with email ${email}. Create it first: npm run parallel -- user add --email ${email} --name NAME --role user`,
  );
}

async function readNewPassword(io: CliIo): Promise<string> {
  const password = await io.readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError("password_too_short");
  if (!Password.safeParse(password).success) {
    throw new AppError("invalid_input", { field: "password" }, "The password must be at most 256 characters.");
  }
  return password;
}

export async function userAdd(db: Db, args: { email: string; name: string; role: string }, io: CliIo) {
  const email = parseEmail(args.email);
  const name = PersonName.safeParse(args.name);
  if (!name.success) throw new AppError("invalid_input", { field: "name" }, "The name must be 1 to 120 characters.");
  if (!(siteRoles as readonly string[]).includes(args.role)) {
    throw new AppError("invalid_input", { field: "role" }, `Unknown role "${args.role}": use admin or user.`);
  }
  // Checked before asking for the password, so nobody types one for nothing.
  if (await findUserByEmail(db, email)) {
    throw new AppError(
      "invalid_input",
      { field: "email", reason: "taken" },
      `An account with email ${email} already exists.`,
    );
  }
  const password = await readNewPassword(io);
  const input = { email, name: name.data, password };
  // The first administrator made here replaces the browser's first-start setup, which it closes:
  // like that setup, it takes over the projects nobody owns yet (the demo).
  const first = args.role === "admin" && (await db.user.count()) === 0;
  const user = first
    ? await createFirstOwner(db, input)
    : await createUser(db, { ...input, isAdmin: args.role === "admin" });
  io.out(`Created ${user.isAdmin ? "administrator" : "user"} ${user.email} (id ${user.id}).`);
  if (first) io.out("As the first account, it also owns the projects that had no owner yet.");
  return user;
}

/** A forgotten password: a new one, every session ended and every API token revoked. */
export async function userResetPassword(db: Db, args: { email: string }, io: CliIo) {
  const email = parseEmail(args.email);
  const user = await findUserByEmail(db, email);
  if (!user) throw noAccount(email);
  const password = await readNewPassword(io);
  const ended = await setPassword(db, user.id, password, { actorId: null });
  io.out(
    `New password set for ${user.email}. Ended ${ended.sessionsEnded} session(s) and revoked ${ended.tokensRevoked} API token(s).`,
  );
  return ended;
}

/** The administrator vouches that the address is the account holder's (accounts made through an invitation link). */
export async function userConfirm(db: Db, args: { email: string }, io: CliIo) {
  const email = parseEmail(args.email);
  if (!(await findUserByEmail(db, email))) throw noAccount(email);
  const { user, changed } = await confirmEmail(db, email, null);
  io.out(
    changed
      ? `Confirmed the address of ${user.email}: it can now accept invitations to other projects.`
      : `The address of ${user.email} was already confirmed; nothing was changed.`,
  );
  return user;
}

export function formatTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd(),
  );
}

export async function userList(db: Db, _args: Record<string, never>, io: CliIo) {
  const users = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      email: true,
      name: true,
      isAdmin: true,
      emailVerified: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
  });
  if (users.length === 0) {
    io.out("No accounts yet. Create one with: npm run parallel -- user add --email E --name N --role admin");
    return users;
  }
  const rows = users.map((u) => [
    u.email,
    u.name,
    u.isAdmin ? "yes" : "no",
    u.emailVerified ? "yes" : "no",
    u.createdAt.toISOString().slice(0, 10),
    String(u._count.memberships),
  ]);
  for (const line of formatTable([["EMAIL", "NAME", "ADMIN", "CONFIRMED", "CREATED", "PROJECTS"], ...rows]))
    io.out(line);
  return users;
}

type ProjectReader = Pick<Db, "project">;

/** A project by id, else by exact name; refused when there is none or the name is not unique. */
export async function findProject(db: ProjectReader, idOrName: string) {
  const byId = await db.project.findUnique({ where: { id: idOrName }, select: { id: true, name: true } });
  const candidates = byId
    ? [byId]
    : await db.project.findMany({ where: { name: idOrName }, select: { id: true, name: true } });
  if (candidates.length === 0) {
    throw new AppError("not_found", { field: "project" }, `No project with id or name "${idOrName}".`);
  }
  if (candidates.length > 1) {
    const ids = candidates.map((p) => p.id).join(", ");
    throw new AppError(
      "conflict",
      { field: "project" },
      `Several projects are named "${idOrName}"; give the id instead: ${ids}.`,
    );
  }
  return candidates[0];
}

export async function memberAdd(db: Db, args: { project: string; email: string; role: string }, io: CliIo) {
  const email = parseEmail(args.email);
  const role = ProjectRole.safeParse(args.role);
  if (!role.success) {
    throw new AppError(
      "invalid_input",
      { field: "role" },
      `Unknown project role "${args.role}": use ${projectRoles.join(", ")}.`,
    );
  }
  const { project, user } = await db.$transaction(async (tx) => {
    const project = await findProject(tx, args.project);
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) throw noAccount(email);
    try {
      await addExistingUserIn(tx, null, project.id, user, role.data);
    } catch (error) {
      if (isAppError(error) && error.code === "already_member") {
        throw new AppError(
          "already_member",
          { email },
          `${email} is already a member of "${project.name}"; nothing was changed.`,
        );
      }
      throw error;
    }
    return { project, user };
  });
  io.out(`Added ${user.email} to "${project.name}" (id ${project.id}) as ${role.data}.`);
  return { projectId: project.id, userId: user.id, role: role.data };
}

export async function tokenCreate(db: Db, args: { email: string; name?: string }, io: CliIo) {
  const email = parseEmail(args.email);
  const user = await findUserByEmail(db, email);
  if (!user) throw noAccount(email);
  const created = await createApiToken(db, user.id, args.name ?? "");
  io.out(`Created API token "${created.name}" for ${user.email}:`);
  io.out(created.token);
  io.out("It is shown only once: store it now. It can be revoked from the account page.");
  return created;
}
