// Turns `npm run parallel -- <command> [flags]` into a call of one command, and every outcome into
// an exit code: 0 done, 1 refused (one line saying why), 2 not understood (the usage text).
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "../auth/constants";
import type { Db } from "../db/client";
import { DatabaseSetupError } from "../db/errors";
import { isAppError } from "../errors";
import type { CliIo } from "./commands";
import { commands, USAGE } from "./table";
import { booleanFlags, type CommandSpec, type Flags, stringFlags } from "./table/spec";

// The table (which commands there are, what each takes and runs) and the usage text are lib/cli/table/,
// one file per area; here a command line is parsed against them and run.
export { USAGE };

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
