import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../tests/temp-db";
import { openDb } from "../db/client";
import { prepareDatabase } from "../startup/prepare-database";
import { DEMO_PROJECT_NAME } from "./demo";

let cleanup = async () => {};
afterEach(() => cleanup());

const lines = readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8").split("\n");

describe("first start", () => {
  it("seeds the demo once, however often the app starts", async () => {
    // An empty database, as on the very first start.
    const database = await testDatabase({ empty: true });
    cleanup = database.cleanup;
    const url = database.url;
    expect((await prepareDatabase(url)).seeded).toBe(true);
    expect((await prepareDatabase(url)).seeded).toBe(false);
    expect((await prepareDatabase(url)).seeded).toBe(false);

    const db = openDb(url);
    try {
      const projects = await db.project.findMany({ include: { languages: true, documents: true } });
      expect(projects).toHaveLength(1);
      expect(projects[0].name).toBe(DEMO_PROJECT_NAME);
      expect(projects[0].languages.map((l) => l.lang).sort()).toEqual(["en", "kk"]);
      expect(projects[0].documents).toHaveLength(1);
      const segments = await db.segment.findMany({ orderBy: { position: "asc" } });
      expect(segments).toHaveLength(11);
      expect(segments[0].source).toBe(lines[0]);
      expect(segments[10].source).toBe(lines[10]);
      expect(segments[6]).toMatchObject({ kind: "list_item", source: lines[6].slice(2) });
      expect(await db.translation.count()).toBe(22);
      expect(await db.translation.count({ where: { status: "new", text: "" } })).toBe(22);
      // The demo glossary (prisma/seed/civil-service-glossary.csv) comes with it.
      const entries = await db.glossaryEntry.findMany({ where: { glossary: { projectId: projects[0].id } } });
      expect(entries.map((e) => e.term)).toContain("державна служба");
      expect(entries).toHaveLength(10);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("first owner from the environment", () => {
  it("ADMIN_EMAIL + ADMIN_PASSWORD create the owner of the demo once, and only while no account exists", async () => {
    // An empty database, as on the very first start.
    const database = await testDatabase({ empty: true });
    cleanup = database.cleanup;
    const url = database.url;
    process.env.ADMIN_EMAIL = "Admin@Example.com";
    process.env.ADMIN_PASSWORD = "admin-password-1";
    try {
      expect((await prepareDatabase(url)).ownerCreated).toBe(true);
      expect((await prepareDatabase(url)).ownerCreated).toBe(false);
    } finally {
      delete process.env.ADMIN_EMAIL;
      delete process.env.ADMIN_PASSWORD;
    }
    const db = openDb(url);
    try {
      const users = await db.user.findMany({ include: { memberships: true } });
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: "admin@example.com", isAdmin: true });
      expect(users[0].memberships.map((m) => m.role)).toEqual(["owner"]);
      const account = await db.account.findFirstOrThrow({ where: { userId: users[0].id } });
      // Stored as a hash, never as given.
      expect(account.password).not.toContain("admin-password-1");
    } finally {
      await db.$disconnect();
    }
  });
});
