// The real process behind the commands: stdout/stderr, the password from the environment, a pipe or
// a prompt, and the app's own database (migrated and seeded first, as `npm start` does).
import { openDb } from "../db/client";
import { DEFAULT_DATABASE_URL } from "../db/url";
import { AppError } from "../errors";
import { prepareDatabase } from "../startup/prepare-database";
import type { CliConnection, CliTerminal } from "./run";

/** The first line of a piped stdin (or everything, if it has no newline). */
function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    const finish = (line: string) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", reject);
      stream.pause();
      resolve(line.replace(/\r$/, ""));
    };
    const onData = (chunk: string) => {
      data += chunk;
      const end = data.indexOf("\n");
      if (end >= 0) finish(data.slice(0, end));
    };
    const onEnd = () => finish(data);
    stream.setEncoding("utf8");
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("error", reject);
    stream.resume();
  });
}

/** Asks on the terminal without echoing what is typed. Ctrl-C leaves with exit code 130. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") {
          stdin.setRawMode(false);
          process.stderr.write("\n");
          process.exit(130);
        }
        if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding("utf8");
    stdin.setRawMode(true);
    stdin.on("data", onData);
    stdin.resume();
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PARALLEL_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) return readFirstLine(process.stdin);
  const password = await promptHidden("Password: ");
  // Typed blind, so typed twice.
  if ((await promptHidden("Repeat password: ")) !== password) {
    throw new AppError("password_mismatch", undefined, "The two passwords differ; nothing was created.");
  }
  return password;
}

export function terminalIo(): CliTerminal {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
      }),
    err: (line) => process.stderr.write(`${line}\n`),
    readPassword,
  };
}

/** DATABASE_URL (or the default file), migrated and seeded like a start of the app, then opened. */
export async function connectAppDatabase(io: CliTerminal): Promise<CliConnection> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { applied, seeded } = await prepareDatabase(url);
  if (applied.length) io.err(`Database migrated: ${applied.join(", ")}`);
  if (seeded) io.err("Demo project created.");
  const db = openDb(url);
  return { db, close: () => db.$disconnect() };
}
