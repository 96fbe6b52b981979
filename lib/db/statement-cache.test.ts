import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTarget, tempDir } from "../../tests/temp-db";
import { type Db, openDb } from "./client";
import { migrateDatabase } from "./migrate";
import { cacheStatements } from "./statement-cache";

const tmp = tempDir();
let db: Db;
let url: string;

beforeAll(async () => {
  const target = sqliteTarget(tmp.dir);
  await migrateDatabase(target);
  url = `file:${target.url}`;
  db = openDb(url);
});
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("the statement cache", () => {
  it("compiles a statement once and runs it with each call's own arguments", () => {
    const raw = new Database(path.join(tmp.dir, "plain.db"));
    let compiled = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      compiled++;
      return prepare(sql);
    }) as typeof raw.prepare;
    cacheStatements(raw);
    const run = (value: number) => raw.prepare("SELECT ? AS v").bind([value]).raw().all();
    expect(run(1)).toEqual([[1]]);
    expect(run(2)).toEqual([[2]]);
    raw.prepare("CREATE TABLE t (v INTEGER UNIQUE)").bind([]).run();
    expect(raw.prepare("INSERT INTO t (v) VALUES (?)").bind([7]).run().changes).toBe(1);
    expect(() => raw.prepare("INSERT INTO t (v) VALUES (?)").bind([7]).run()).toThrow(/UNIQUE/);
    expect(raw.prepare("INSERT INTO t (v) VALUES (?)").bind([8]).run().changes).toBe(1);
    expect(compiled).toBe(3);
    raw.close();
  });

  it("keeps Prisma's reads, writes and transactions right when the same queries repeat", async () => {
    const names = ["Олена", "Айгерим", "Bob"];
    const users = [];
    for (const name of names)
      users.push(await db.user.create({ data: { name, email: `${users.length}@example.com` } }));
    for (let round = 0; round < 3; round++) {
      for (const user of users)
        expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
    }
    // A failed statement leaves the cached one usable.
    await expect(db.user.create({ data: { name: "Twin", email: "0@example.com" } })).rejects.toThrow();
    await db.user.create({ data: { name: "Other", email: "3@example.com" } });
    // A transaction that throws writes nothing, a committed one everything.
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { name: "Gone", email: "gone@example.com" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.user.count({ where: { email: "gone@example.com" } })).toBe(0);
    expect(await db.user.count()).toBe(4);
  });

  it("still answers after more distinct statements than it keeps", async () => {
    for (let i = 0; i < 400; i++) {
      const rows = await db.$queryRawUnsafe<{ v: bigint | number }[]>(`SELECT ? + ${i} AS v`, 1);
      expect(Number(rows[0].v)).toBe(1 + i);
    }
  });

  it("is what the app's client uses: a query run again is not compiled again", async () => {
    const proto = Database.prototype;
    const original = proto.prepare;
    const compiled = new Map<string, number>();
    proto.prepare = function (this: Database.Database, sql: string) {
      compiled.set(sql, (compiled.get(sql) ?? 0) + 1);
      return original.call(this, sql);
    } as typeof proto.prepare;
    // A client made now connects (and installs the cache) through the counting prepare.
    const client = openDb(url);
    try {
      for (let i = 0; i < 5; i++) await client.user.findUnique({ where: { id: `nobody-${i}` } });
      for (let i = 0; i < 3; i++) await client.$queryRaw`SELECT ${i} AS v`;
    } finally {
      proto.prepare = original;
      await client.$disconnect();
    }
    expect(compiled.size).toBeGreaterThan(0);
    expect(Math.max(...compiled.values())).toBe(1);
  });
});
