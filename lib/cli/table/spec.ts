// What an entry of the command line's table is: the positional arguments and flags a command takes
// (run.ts checks them before it runs) and the code it runs, loaded only then; and an area of the
// table (tokens.ts, users.ts…): its commands with their lines of the usage text.
import type { Db } from "../../db/client";
import type { CliIo } from "../commands";

export const stringFlags = [
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
export const booleanFlags = ["approved-only", "no-notes", "omit-untranslated", "without-qa-errors", "dry-run"] as const;
export type Flag = (typeof stringFlags)[number] | (typeof booleanFlags)[number];
export type Flags = Partial<Record<(typeof stringFlags)[number], string>> &
  Partial<Record<(typeof booleanFlags)[number], boolean>> & { file?: string; project?: string; document?: string };

export type Positional = "file" | "project" | "document";

// Required flags are checked before run, so the casts in the areas' entries only restate that check.
// Each command's code loads when it runs: an export should not carry the account or import libraries along.
export interface CommandSpec {
  /** Positional arguments after the command's name, e.g. ["file"]. */
  args?: Positional[];
  required: Flag[];
  optional: Flag[];
  run(db: Db, flags: Flags, io: CliIo): Promise<unknown>;
}

export interface CliArea {
  /** The area's lines under "Commands:" in the usage text, each command indented by two spaces. */
  help: string;
  commands: Record<string, CommandSpec>;
}
