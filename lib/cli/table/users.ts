// The command line's account commands (user add, list, reset-password, set, confirm): their lines of
// the usage text and their entries in the command table.
import type { CliArea, Flags } from "./spec";

export const users: CliArea = {
  help: `  user add --email E --name N --role admin|user
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
      show as "address not confirmed" and cannot accept invitations until this is done.`,
  commands: {
    "user add": {
      required: ["email", "name", "role"],
      optional: [],
      run: async (db, f, io) =>
        (await import("../commands")).userAdd(db, f as Required<Pick<Flags, "email" | "name" | "role">>, io),
    },
    "user list": {
      required: [],
      optional: [],
      run: async (db, _f, io) => (await import("../commands")).userList(db, {}, io),
    },
    "user reset-password": {
      required: ["email"],
      optional: [],
      run: async (db, f, io) => (await import("../commands")).userResetPassword(db, f as { email: string }, io),
    },
    "user set": {
      required: ["email", "may-create-projects"],
      optional: [],
      run: async (db, f, io) =>
        (await import("../project-commands")).userSet(db, f as { email: string; "may-create-projects": string }, io),
    },
    "user confirm": {
      required: ["email"],
      optional: [],
      run: async (db, f, io) => (await import("../commands")).userConfirm(db, f as { email: string }, io),
    },
  },
};
