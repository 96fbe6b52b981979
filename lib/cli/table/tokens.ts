// The command line's API token command (token create): its lines of the usage text and its entry in
// the command table.
import type { CliArea } from "./spec";

export const tokens: CliArea = {
  help: `  token create --email E [--name NAME]
      Create a personal API token for an account. The token is printed once.`,
  commands: {
    "token create": {
      required: ["email"],
      optional: ["name"],
      run: async (db, f, io) =>
        (await import("../commands")).tokenCreate(db, f as { email: string; name?: string }, io),
    },
  },
};
