// runCli (lib/cli/run.ts): parsing, exit codes, usage, and the command as a real process started
// the way `npm run parallel` starts it (lib/cli/launch.ts).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { DEMO_PROJECT_NAME } from "../seed/demo";
import { prepareDatabase } from "../startup/prepare-database";
import { parallelNodeArgs } from "./launch";
import { type CliTerminal, runCli } from "./run";

const PASSWORD = "correct horse battery";

let tmp: TestDatabase;
let db: Db;

beforeAll(async () => {
  tmp = await testDatabase();
  await prepareDatabase(tmp.url);
  db = openDb(tmp.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await tmp?.cleanup();
});

describe("command line", () => {
  function terminal() {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliTerminal = { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => PASSWORD };
    return { io, out, err };
  }
  const connect = async () => ({ db, close: async () => {} });

  it("shows the usage for --help and no arguments, and exit code 2 for what it does not understand", async () => {
    for (const argv of [[], ["--help"], ["user", "add", "-h"]]) {
      const t = terminal();
      expect(await runCli(argv, t.io, connect)).toBe(0);
      expect(t.out.join("\n")).toContain("member add --project P --email E --role owner|translator|reviewer|viewer");
      expect(t.out.join("\n")).toContain("user reset-password --email E");
      expect(t.out.join("\n")).toContain("user confirm --email E");
      expect(t.out.join("\n")).toContain("import FILE --project P [--title T] [--update DOCUMENT_ID]");
      expect(t.out.join("\n")).toContain(
        "export --document D --format F [--target T] [--approved-only] [--no-notes] [--omit-untranslated] [--without-qa-errors] [--out FILE]",
      );
    }
    for (const argv of [
      ["user", "remove"],
      ["user", "add", "--email", "a@example.org"],
      ["user", "list", "--project", "x"],
      ["token", "create", "--email", "a@example.org", "--colour", "red"],
      ["import", "--project", "x"],
      ["import", "a.txt", "b.txt", "--project", "x"],
      ["import", "a.txt"],
      ["export", "--document", "d"],
      ["export", "--document", "d", "--format", "tmx", "--update", "x"],
      ["user", "list", "extra"],
    ]) {
      const t = terminal();
      expect(await runCli(argv, t.io, connect)).toBe(2);
      expect(t.err.join("\n")).toContain("Usage: npm run parallel");
      expect(t.out).toEqual([]);
    }
  });

  it("runs import and export from their command lines", async () => {
    const t = terminal();
    const txt = path.join(tmp.dir, "cli.txt");
    writeFileSync(txt, "Абзац з командного рядка.\n");
    expect(await runCli(["import", txt, "--project", DEMO_PROJECT_NAME, "--title", "CLI"], t.io, connect)).toBe(0);
    const id = /\(id ([\w-]+)\)/.exec(t.out[0])?.[1] as string;
    expect((await db.document.findUniqueOrThrow({ where: { id } })).title).toBe("CLI");
    // A translated paragraph that is not approved yet: --approved-only must leave it out.
    await db.translation.updateMany({
      where: { documentId: id, lang: "en" },
      data: { text: "A paragraph from the command line.", status: "translated", version: 1 },
    });
    const out = path.join(tmp.dir, "cli.txt.out");
    const exportArgs = (...flags: string[]) => [
      "export",
      "--document",
      id,
      "--format",
      "txt",
      "--target",
      "en",
      ...flags,
      "--out",
      out,
    ];
    expect(await runCli(exportArgs("--approved-only", "--no-notes", "--omit-untranslated"), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("");
    // Without --omit-untranslated the paragraph is written as its source text.
    expect(await runCli(exportArgs("--approved-only"), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("Абзац з командного рядка.\n");
    expect(await runCli(exportArgs(), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("A paragraph from the command line.");
    // --without-qa-errors: a clean translation stays; one with a number the source lacks (an error) goes.
    expect(await runCli(exportArgs("--without-qa-errors"), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("A paragraph from the command line.");
    await db.translation.updateMany({
      where: { documentId: id, lang: "en" },
      data: { text: "A paragraph from the command line 5.", version: 2 },
    });
    expect(await runCli(exportArgs("--without-qa-errors", "--omit-untranslated"), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("");
    // Left out like an untranslated paragraph: by default a translation-only file writes its source.
    expect(await runCli(exportArgs("--without-qa-errors"), t.io, connect)).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("Абзац з командного рядка.\n");
  });

  it("exits 1 with one line for a refusal", async () => {
    const t = terminal();
    const argv = ["member", "add", "--project", "Nope", "--email", "tess@example.org", "--role", "viewer"];
    expect(await runCli(argv, t.io, connect)).toBe(1);
    expect(t.err).toEqual(['No project with id or name "Nope".']);
  });

  it("runs as a real process against DATABASE_URL", async () => {
    const database = await testDatabase({ empty: true });
    try {
      // Started as `npm run parallel` starts it (package.json), without npm.
      const { nodeArgs, script } = parallelNodeArgs();
      const run = (args: string[]) =>
        spawnSync(process.execPath, [...nodeArgs, script, ...args], {
          encoding: "utf8",
          env: { ...process.env, DATABASE_URL: database.url, PARALLEL_PASSWORD: PASSWORD },
        });
      const added = run(["user", "add", "--email", "ops@example.org", "--name", "Ops", "--role", "admin"]);
      expect(added.stderr).not.toMatch(/\n\s+at /);
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/^Created administrator ops@example\.org \(id [\w-]+\)\.$/m);
      const unknown = run(["frobnicate"]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('Unknown command "frobnicate".');
      expect(unknown.stderr).toContain("Usage: npm run parallel");
    } finally {
      await database.cleanup();
    }
  }, 60_000);
});
