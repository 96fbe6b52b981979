// `project …`, `document …` and `user set` through runCli on a real database (SQLite or PostgreSQL), as typed at a terminal.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { createUser } from "../auth/users";
import { type Db, openDb } from "../db/client";
import { prepareDatabase } from "../startup/prepare-database";
import { type CliTerminal, runCli } from "./run";

let tmp: TestDatabase;
let db: Db;

beforeAll(async () => {
  tmp = await testDatabase();
  await prepareDatabase(tmp.url);
  db = openDb(tmp.url);
  await createUser(db, { email: "admin@example.org", name: "Ada", password: "correct horse battery", isAdmin: true });
  await createUser(db, { email: "olga@example.org", name: "Olga", password: "correct horse battery" });
});
afterAll(async () => {
  await db?.$disconnect();
  await tmp?.cleanup();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliTerminal = { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => "" };
  const code = await runCli(argv, io, async () => ({ db, close: async () => {} }));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("project and document commands", () => {
  it("user set lets an account create projects", async () => {
    expect((await run("user", "set", "--email", "olga@example.org", "--may-create-projects", "yes")).code).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { email: "olga@example.org" } })).mayCreateProjects).toBe(true);
    const bad = await run("user", "set", "--email", "olga@example.org", "--may-create-projects", "perhaps");
    expect([bad.code, bad.err]).toEqual([1, "Give --may-create-projects yes or no."]);
  });

  it("creates, lists, archives, trashes and restores a project", async () => {
    const made = await run(
      "project",
      "create",
      "--name",
      "Кодекс",
      "--targets",
      "en,kk",
      "--owner",
      "olga@example.org",
    );
    expect(made.code).toBe(0);
    const project = await db.project.findFirstOrThrow({
      where: { name: "Кодекс" },
      include: { memberships: { include: { user: true } } },
    });
    expect(project.sourceLang).toBe("uk");
    expect(project.memberships.map((m) => [m.user.email, m.role])).toEqual([["olga@example.org", "owner"]]);
    expect((await run("project", "list")).out).toMatch(/Кодекс\s+uk → en,kk\s+active\s+0\s+olga@example.org/);
    expect((await run("project", "archive", "Кодекс")).code).toBe(0);
    expect((await run("project", "list")).out).toMatch(/Кодекс\s+uk → en,kk\s+archived/);
    expect((await run("project", "delete", project.id)).out).toContain('Moved "Кодекс" to the trash');
    expect((await run("project", "restore", "Кодекс")).out).toContain("still archived");
    expect((await run("project", "restore", "Кодекс")).out).toContain("out of the archive");
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      archivedAt: null,
      deletedAt: null,
    });
  });

  it("refuses bad project input with the API's message and creates nothing", async () => {
    const before = await db.project.count();
    for (const [argv, message] of [
      [["--name", "X", "--targets", "uk"], "uk is the source language: it cannot also be a target."],
      [["--name", "X", "--targets", "e"], "“e” is not a language tag (BCP 47), such as en, kk, de-AT or kk-Latn."],
      [["--name", "", "--targets", "en"], "Give it a name."],
      [["--name", "X".repeat(201), "--targets", "en"], "A name can have at most 200 characters."],
    ] as const) {
      const res = await run("project", "create", ...argv);
      expect([res.code, res.err]).toEqual([1, message]);
    }
    expect((await run("project", "archive")).code).toBe(2);
    expect(await db.project.count()).toBe(before);
  });

  it("lists, renames, trashes, restores a document and updates its source", async () => {
    const project = await db.project.findFirstOrThrow({ where: { name: "Кодекс" } });
    const file = path.join(tmp.dir, "кодекс.txt");
    writeFileSync(file, "Стаття перша.\nСтаття друга про права людини.\n");
    const { importFile } = await import("./import-command");
    const report = await importFile(db, { file, project: project.id }, { out: () => {}, readPassword: async () => "" });
    const id = report.documentId;
    expect((await run("document", "list", "--project", "Кодекс")).out).toMatch(
      new RegExp(`${id}\\s+кодекс\\s+2\\s+active`),
    );
    expect((await run("document", "rename", id, "--title", "Кодекс, редакція 2")).code).toBe(0);
    expect((await run("document", "delete", id)).code).toBe(0);
    expect((await run("document", "list", "--project", "Кодекс")).out).toMatch(/Кодекс, редакція 2\s+2\s+trash/);
    expect((await run("document", "restore", id)).code).toBe(0);

    const next = path.join(tmp.dir, "v2.txt");
    writeFileSync(next, "Стаття перша.\nСтаття друга про права громадян.\nСтаття третя.\n");
    const dry = await run("document", "update-source", id, next, "--dry-run");
    expect(dry.out).toBe(
      'Would update "Кодекс, редакція 2": 1 kept, 1 changed, 1 new, 0 removed. Nothing was changed (--dry-run).',
    );
    expect(await db.segment.count({ where: { documentId: id } })).toBe(2);
    expect((await run("document", "update-source", id, next)).out).toContain("1 kept, 1 changed, 1 new, 0 removed");
    expect(
      (await db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } })).map((s) => s.source),
    ).toEqual(["Стаття перша.", "Стаття друга про права громадян.", "Стаття третя."]);
    expect((await run("document", "update-source", id, path.join(tmp.dir, "missing.txt"))).code).toBe(1);
  });
});
