// Turns `npm run parallel -- <command> [flags]` into a call of one command, and every outcome into
// an exit code: 0 done, 1 refused (one line saying why), 2 not understood (the usage text).
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "../auth/constants";
import type { Db } from "../db/client";
import { DatabaseSetupError } from "../db/errors";
import { isAppError } from "../errors";
import type { CliIo } from "./commands";

export const USAGE = `Usage: npm run parallel -- <command> [options]

Commands:
  user add --email E --name N --role admin|user
      Create an account. The password is read from PARALLEL_PASSWORD, else from standard input
      (the first line; at a terminal it is asked for without echo).
  user list
      List the accounts: email, name, administrator or not, address confirmed, created, projects.
  user reset-password --email E
      Set a new password (read like user add's). Ends the account's sessions and revokes its API tokens.
  user set --email E --may-create-projects yes|no
      Let an account create projects of its own (administrators always may), or stop it.
  user confirm --email E
      Confirm that an account's address is its holder's. Accounts made through an invitation link
      show as "address not confirmed" and cannot accept invitations until this is done.
  member add --project P --email E --role owner|translator|reviewer|viewer
      Add an existing account to a project. P is the project's id or its exact name.
  project create --name N [--source uk] --targets en,kk [--owner EMAIL]
      Create a project. Languages are BCP 47 tags (en, kk, de-AT, kk-Latn…); the source (default uk)
      may not be a target. The owner is EMAIL's account, by default the first administrator.
  project list
      List the projects: id, name, languages, state (active, archived, trash), documents, owners.
  project archive P | project restore P | project delete P
      Archive P (read-only for everyone); restore it from the trash or, if not there, from the
      archive; move it to the trash (removed for good PARALLEL_TRASH_DAYS, default 30, days later).
      P is the project's id or its exact name.
  document list --project P
      List a project's documents in order: id, title, paragraphs, state, file.
  document rename D --title T | document delete D | document restore D
      Rename document D (its id), move it to the trash, or restore it from there.
  document update-source D FILE [--dry-run]
      Upload a new version of D's source (.txt, .md, .docx…). Paragraphs are matched to the old
      ones: identical ones keep their translations, changed ones keep them marked "source changed",
      removed ones go to the document's bin. --dry-run only prints the counts.
  token create --email E [--name NAME]
      Create a personal API token for an account. The token is printed once.
  import FILE --project P [--title T] [--update DOCUMENT_ID]
      Import a file into project P (id or exact name): .txt, .md or .docx as a new document;
      .tmx, .xlf/.xliff (XLIFF 1.2 or 2.0), .csv or .tsv as a new document with its translations,
      statuses and notes, or with --update into that document's translations (paragraphs whose
      source differs are listed and left alone). Nothing is imported if anything is refused.
      Files over PARALLEL_MAX_UPLOAD_MB (default 50) are refused. The imported versions and notes
      are recorded as the first administrator account's work (none if there is no administrator).
  tm import FILE --project P [--name N]
      Import a TMX file as a new translation memory of project P (id or exact name), read only and
      attached to it (N: its name; default the file's name). Its languages must be the project's;
      a repeated source and target language is kept once. Nothing is imported if anything is refused.
  glossary import FILE --project P
      Import a glossary file (.tbx: TBX-Basic v3 or v2 martif; .csv: one column per language) into
      project P's glossary. Terms it has already are merged, never doubled; nothing is imported if
      anything is refused.
  glossary export --project P --format tbx|csv [--out FILE]
      Export project P's glossary. Without --out the file is written to standard output.
  export --document D --format F [--target T] [--approved-only] [--no-notes] [--omit-untranslated] [--without-qa-errors] [--out FILE]
      Export document D. F: tmx, xliff12, xliff20, csv, tsv, docx, docx-target or txt. T: en, kk,
      en,kk, kk-Latn… (default: every target language; the first for docx-target and txt).
      docx-target and txt write a paragraph without a translation as its source text, or leave
      it out with --omit-untranslated.
      Without --out the file is written to standard output.

Options:
  -h, --help  Show this text.

The database is DATABASE_URL (default file:./data/parallel.db); it is migrated first if needed.`;

const stringFlags = [
  "email",
  "name",
  "role",
  "project",
  "title",
  "update",
  "document",
  "format",
  "target",
  "out",
  "may-create-projects",
  "source",
  "targets",
  "owner",
] as const;
const booleanFlags = ["approved-only", "no-notes", "omit-untranslated", "without-qa-errors", "dry-run"] as const;
type Flag = (typeof stringFlags)[number] | (typeof booleanFlags)[number];
type Flags = Partial<Record<(typeof stringFlags)[number], string>> &
  Partial<Record<(typeof booleanFlags)[number], boolean>> & { file?: string; project?: string; document?: string };

type Positional = "file" | "project" | "document";

interface CommandSpec {
  /** Positional arguments after the command's name, e.g. ["file"]. */
  args?: Positional[];
  required: Flag[];
  optional: Flag[];
  run(db: Db, flags: Flags, io: CliIo): Promise<unknown>;
}

// Required flags are checked before run, so the casts below only restate that check. Each command's
// code loads when it runs: an export should not carry the account or import libraries along.
const commands: Record<string, CommandSpec> = {
  "user add": {
    required: ["email", "name", "role"],
    optional: [],
    run: async (db, f, io) =>
      (await import("./commands")).userAdd(db, f as Required<Pick<Flags, "email" | "name" | "role">>, io),
  },
  "user list": {
    required: [],
    optional: [],
    run: async (db, _f, io) => (await import("./commands")).userList(db, {}, io),
  },
  "user reset-password": {
    required: ["email"],
    optional: [],
    run: async (db, f, io) => (await import("./commands")).userResetPassword(db, f as { email: string }, io),
  },
  "user confirm": {
    required: ["email"],
    optional: [],
    run: async (db, f, io) => (await import("./commands")).userConfirm(db, f as { email: string }, io),
  },
  "member add": {
    required: ["project", "email", "role"],
    optional: [],
    run: async (db, f, io) =>
      (await import("./commands")).memberAdd(db, f as Required<Pick<Flags, "project" | "email" | "role">>, io),
  },
  "user set": {
    required: ["email", "may-create-projects"],
    optional: [],
    run: async (db, f, io) =>
      (await import("./project-commands")).userSet(db, f as { email: string; "may-create-projects": string }, io),
  },
  "project create": {
    required: ["name", "targets"],
    optional: ["source", "owner"],
    run: async (db, f, io) =>
      (await import("./project-commands")).projectCreate(
        db,
        f as { name: string; targets: string; source?: string; owner?: string },
        io,
      ),
  },
  "project list": {
    required: [],
    optional: [],
    run: async (db, _f, io) => (await import("./project-commands")).projectList(db, {}, io),
  },
  "project archive": {
    args: ["project"],
    required: [],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).projectArchive(db, f as { project: string }, io),
  },
  "project restore": {
    args: ["project"],
    required: [],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).projectRestore(db, f as { project: string }, io),
  },
  "project delete": {
    args: ["project"],
    required: [],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).projectDelete(db, f as { project: string }, io),
  },
  "document list": {
    required: ["project"],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).documentList(db, f as { project: string }, io),
  },
  "document rename": {
    args: ["document"],
    required: ["title"],
    optional: [],
    run: async (db, f, io) =>
      (await import("./project-commands")).documentRename(db, f as { document: string; title: string }, io),
  },
  "document delete": {
    args: ["document"],
    required: [],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).documentDelete(db, f as { document: string }, io),
  },
  "document restore": {
    args: ["document"],
    required: [],
    optional: [],
    run: async (db, f, io) => (await import("./project-commands")).documentRestore(db, f as { document: string }, io),
  },
  "document update-source": {
    args: ["document", "file"],
    required: [],
    optional: ["dry-run"],
    run: async (db, f, io) =>
      (await import("./project-commands")).documentUpdateSource(
        db,
        f as { document: string; file: string; "dry-run"?: boolean },
        io,
      ),
  },
  "token create": {
    required: ["email"],
    optional: ["name"],
    run: async (db, f, io) => (await import("./commands")).tokenCreate(db, f as { email: string; name?: string }, io),
  },
  import: {
    args: ["file"],
    required: ["project"],
    optional: ["title", "update"],
    run: async (db, f, io) =>
      (await import("./import-command")).importFile(
        db,
        f as { file: string; project: string; title?: string; update?: string },
        io,
      ),
  },
  "tm import": {
    args: ["file"],
    required: ["project"],
    optional: ["name"],
    run: async (db, f, io) =>
      (await import("./tm-command")).tmImport(db, f as { file: string; project: string; name?: string }, io),
  },
  "glossary import": {
    args: ["file"],
    required: ["project"],
    optional: [],
    run: async (db, f, io) =>
      (await import("./glossary-command")).glossaryImport(db, f as { file: string; project: string }, io),
  },
  "glossary export": {
    required: ["project", "format"],
    optional: ["out"],
    run: async (db, f, io) =>
      (await import("./glossary-command")).glossaryExport(
        db,
        f as { project: string; format: string; out?: string },
        io,
      ),
  },
  export: {
    required: ["document", "format"],
    optional: ["target", "approved-only", "no-notes", "omit-untranslated", "without-qa-errors", "out"],
    run: async (db, f, io) =>
      (await import("./export-command")).exportFile(
        db,
        {
          document: f.document!,
          format: f.format!,
          target: f.target,
          approvedOnly: f["approved-only"],
          noNotes: f["no-notes"],
          omitUntranslated: f["omit-untranslated"],
          withoutQaErrors: f["without-qa-errors"],
          out: f.out,
        },
        io,
      ),
  },
};

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type ParsedCommand = { kind: "help" } | { kind: "run"; name: string; spec: CommandSpec; flags: Flags };

export function parseCommand(argv: string[]): ParsedCommand {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message);
    throw error;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || (positionals.length === 1 && positionals[0] === "help")) {
    return { kind: "help" };
  }
  // A command is one word (import) or two (user add); what follows are its positional arguments.
  const words = [positionals.slice(0, 2).join(" "), positionals[0]].find((n) => commands[n]);
  const name = words ?? positionals.join(" ");
  const spec = commands[name];
  if (!spec) throw new UsageError(`Unknown command "${name}".`);
  const rest = positionals.slice(name.split(" ").length);
  const expected = spec.args ?? [];
  if (rest.length !== expected.length) {
    throw new UsageError(
      expected.length
        ? `"${name}" needs ${expected.map((a) => a.toUpperCase()).join(" ")}.`
        : `"${name}" takes no argument "${rest[0]}".`,
    );
  }
  const flags: Flags = {};
  expected.forEach((arg, i) => {
    flags[arg] = rest[i];
  });
  for (const flag of [...stringFlags, ...booleanFlags]) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!spec.required.includes(flag) && !spec.optional.includes(flag)) {
      throw new UsageError(`"${name}" does not take --${flag}.`);
    }
    (flags as Record<string, string | boolean>)[flag] = value;
  }
  const missing = spec.required.filter((flag) => flags[flag] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`"${name}" needs ${missing.map((flag) => `--${flag}`).join(", ")}.`);
  }
  return { kind: "run", name, spec, flags };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      project: { type: "string" },
      title: { type: "string" },
      update: { type: "string" },
      document: { type: "string" },
      format: { type: "string" },
      target: { type: "string" },
      out: { type: "string" },
      "approved-only": { type: "boolean" },
      "no-notes": { type: "boolean" },
      "omit-untranslated": { type: "boolean" },
      "without-qa-errors": { type: "boolean" },
      "may-create-projects": { type: "string" },
      source: { type: "string" },
      targets: { type: "string" },
      owner: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
}

/** The one line to show for an expected refusal, or null for a bug (which deserves its stack). */
export function describeError(error: unknown): string | null {
  if (error instanceof DatabaseSetupError) return error.message;
  if (!isAppError(error)) return null;
  if (error.message && error.message !== error.code) return error.message;
  const field = typeof error.details?.field === "string" ? error.details.field : undefined;
  switch (error.code) {
    case "password_too_short":
      return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
    case "password_mismatch":
      return "The two passwords differ.";
    case "already_member":
      return "That account is already a member of the project.";
    case "invalid_input":
      if (field === "email" && error.details?.reason === "taken") return "An account with this email already exists.";
      return field ? `Invalid value for --${field}.` : "Invalid input.";
    case "not_found":
      return field ? `Nothing found for --${field}.` : "Not found.";
    default:
      return `Refused: ${error.code.replaceAll("_", " ")}.`;
  }
}

export interface CliTerminal extends CliIo {
  /** Errors and notes, kept apart from the output a script may capture. */
  err(line: string): void;
}

export interface CliConnection {
  db: Db;
  close(): Promise<void>;
}

/** Runs one command line and returns the exit code. The database is opened only for a real command. */
export async function runCli(argv: string[], io: CliTerminal, connect: () => Promise<CliConnection>): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  let connection: CliConnection | undefined;
  try {
    connection = await connect();
    await parsed.spec.run(connection.db, parsed.flags, io);
    return 0;
  } catch (error) {
    const message = describeError(error);
    io.err(message ?? (error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return 1;
  } finally {
    await connection?.close();
  }
}
