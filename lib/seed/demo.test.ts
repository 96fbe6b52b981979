import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteTarget, tempDir } from "../../tests/temp-db";
import { openDb } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { DEMO_PROJECT_NAME } from "./demo";

let cleanup = () => {};
afterEach(() => cleanup());

const lines = readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8").split("\n");

describe("first start", () => {
  it("seeds the demo once, however often the app starts", async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const url = `file:${sqliteTarget(tmp.dir).url}`;
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
    } finally {
      await db.$disconnect();
    }
  });
});
