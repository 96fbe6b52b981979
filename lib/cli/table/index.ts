// The command line's whole table and usage text, put together from its areas in the order the usage
// lists them.
import { documents } from "./documents";
import { exchange } from "./exchange";
import { projects } from "./projects";
import type { CliArea, CommandSpec } from "./spec";
import { tokens } from "./tokens";
import { users } from "./users";

const areas: CliArea[] = [users, projects, documents, tokens, exchange];

export const USAGE = `Usage: npm run parallel -- <command> [options]

Commands:
${areas.map((a) => a.help).join("\n")}

Options:
  -h, --help  Show this text.

The database is DATABASE_URL (default file:./data/parallel.db); it is migrated first if needed.`;

export const commands: Record<string, CommandSpec> = Object.assign({}, ...areas.map((a) => a.commands));
