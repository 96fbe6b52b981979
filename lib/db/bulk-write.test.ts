// Bulk writes through one JSON text (bulk-write.ts), on SQLite and PostgreSQL: every kind of value
// arrives as the typed client reads it back, updates touch exactly the rows named, and SQLite finds
// each row by its key rather than scanning the table once per row (the plans are asserted, not timed).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase, testProvider } from "../../tests/temp-db";
import { insertRows, selectFromRows, updateRows } from "./bulk-write";
import { type Db, openDb, Prisma } from "./client";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  db = openDb(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.cleanup();
});

const when = new Date(Date.UTC(2026, 10, 10, 9, 30, 0, 123));

describe("bulk writes", () => {
  it("insert strings, numbers, booleans, dates and nulls as the typed client reads them", async () => {
    const rows = [
      ["p1", "Проєкт «один» — [52, с. 5]", "", "uk", true, 7.5, null, when, when],
      ["p2", 'Quote " and \\ backslash\nnew line', "x", "uk", false, 0, null, when, when],
    ];
    const columns = ["id", "name", "description", "sourceLang", "reviewersMayEdit", "qualityThreshold"];
    await db.$transaction((tx) =>
      insertRows(tx, "Project", [...columns, "createdById", "createdAt", "updatedAt"], rows),
    );
    const saved = await db.project.findMany({ where: { id: { in: ["p1", "p2"] } }, orderBy: { id: "asc" } });
    expect(
      saved.map((p) => [p.id, p.name, p.description, p.reviewersMayEdit, p.qualityThreshold, p.createdById]),
    ).toEqual(rows.map((r) => [r[0], r[1], r[2], r[4], r[5], null]));
    expect(saved.map((p) => p.createdAt.toISOString())).toEqual([when.toISOString(), when.toISOString()]);
    // Stored as the driver adapter stores a date, so text comparisons in SQL agree (SQLite keeps text).
    await db.project.create({ data: { id: "p3", name: "Typed", createdAt: when, updatedAt: when } });
    if (database.provider !== "sqlite") return;
    const raw = new Database(database.target.url, { readonly: true });
    const stored = raw.prepare(`SELECT "id", "createdAt" FROM "Project" WHERE "id" IN ('p1', 'p3')`).all();
    raw.close();
    expect(new Set(stored.map((r) => (r as { createdAt: string }).createdAt)).size).toBe(1);
  });

  it("update only the rows named, by id, and query against a list of rows", async () => {
    await db.project.create({ data: { id: "u1", name: "One", description: "1" } });
    await db.project.create({ data: { id: "u2", name: "Two", description: "2" } });
    await db.$transaction((tx) => updateRows(tx, "Project", ["name", "qualityThreshold"], [["u1", "Один", 3]]));
    const rows = await db.project.findMany({ where: { id: { in: ["u1", "u2"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.name, r.qualityThreshold, r.description])).toEqual([
      ["Один", 3, "1"],
      ["Two", 10, "2"],
    ]);

    const named = await selectFromRows<{ id: string; name: string }>(
      db,
      [
        ["u2", "Two", 10],
        ["u1", "One", 3],
        ["nobody", "x", 0],
      ],
      (rows) => Prisma.sql`SELECT p."id", p."name" FROM ${rows.table} JOIN "Project" p ON p."id" = ${rows.text(0)}
                            WHERE p."name" <> ${rows.text(1)} AND p."qualityThreshold" = ${rows.int(2)}`,
    );
    expect(named).toEqual([{ id: "u1", name: "Один" }]);
  });

  it.runIf(testProvider() === "sqlite")("look each row up by its key", () => {
    const raw = new Database(database.target.url, { readonly: true });
    const plan = (sql: string) =>
      raw
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all("[]")
        .map((r) => (r as { detail: string }).detail)
        .join("; ");
    expect(
      plan(
        `UPDATE "Translation" SET "text" = j.value->>1 FROM json_each(?) AS j WHERE "Translation"."id" = j.value->>0`,
      ),
    ).toMatch(/SEARCH Translation USING (COVERING )?INDEX \S+ \(id=\?\)/);
    expect(
      plan(
        `SELECT j.value->>0 FROM json_each(?) AS j LEFT JOIN "Translation" t ON t."id" = j.value->>0 WHERE t."version" IS NOT j.value->>1`,
      ),
    ).toMatch(/SEARCH t USING (COVERING )?INDEX \S+ \(id=\?\)/);
    raw.close();
  });
});
