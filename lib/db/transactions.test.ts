// A write acknowledged to its caller survives whatever another transaction does (issue 10, part 1):
// while an interactive transaction is open, other requests' statements do not run inside it, so its
// rollback cannot take them along, and nobody reads what it has not committed yet. The same holds
// on PostgreSQL, where transactions read and write as if alone (serializable.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase, testProvider } from "../../tests/temp-db";
import { type Db, openDb } from "./client";

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that changes the project's name, waits a second, then fails. */
function failingTransaction(projectId: string, events: string[]) {
  return db
    .$transaction(
      async (tx) => {
        await tx.project.update({ where: { id: projectId }, data: { name: "inside the transaction" } });
        events.push("transaction wrote");
        await sleep(1_000);
        throw new Error("fails at its last step");
      },
      { timeout: 10_000 },
    )
    .finally(() => events.push("transaction ended"));
}

describe("transactions and everything else", () => {
  it("keeps a write made outside while a transaction is open when that transaction rolls back", async () => {
    const project = await db.project.create({ data: { name: "Before" } });
    const events: string[] = [];
    const transaction = failingTransaction(project.id, events);
    const settled = transaction.catch((error: Error) => error.message);
    await sleep(200);
    expect(events).toEqual(["transaction wrote"]);
    const outside = await db.project.update({ where: { id: project.id }, data: { description: "saved outside" } });
    events.push("outside write answered");
    expect(outside.description).toBe("saved outside");
    expect(await settled).toBe("fails at its last step");

    const after = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(after.description).toBe("saved outside");
    expect(after.name).toBe("Before");
    // The outside write was answered once the transaction was over, not inside it.
    expect(events).toEqual(["transaction wrote", "transaction ended", "outside write answered"]);
  });

  it("lets reads go on while a transaction is open, and they never see what it has not committed", async () => {
    const project = await db.project.create({ data: { name: "Committed" } });
    const events: string[] = [];
    const transaction = failingTransaction(project.id, events).catch(() => undefined);
    await sleep(200);
    const seen = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    events.push("read answered");
    expect(seen.name).toBe("Committed");
    await transaction;
    expect(events).toEqual(["transaction wrote", "read answered", "transaction ended"]);
  });

  it("runs transactions one after another, each seeing the other's committed work", async () => {
    const project = await db.project.create({ data: { name: "Counter", description: "0" } });
    const increment = () =>
      db.$transaction(async (tx) => {
        const row = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
        await sleep(20);
        await tx.project.update({
          where: { id: project.id },
          data: { description: String(Number(row.description) + 1) },
        });
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).description).toBe("10");
  });

  it("runs them one after another too when they write with raw statements", async () => {
    // On PostgreSQL a conflict in $executeRaw is Prisma's P2010, not P2034: it is retried all the same.
    const project = await db.project.create({ data: { name: "Raw counter", description: "0" } });
    const increment = () =>
      db.$transaction(async (tx) => {
        const row = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
        await sleep(20);
        await tx.$executeRaw`UPDATE "Project" SET "description" = ${String(Number(row.description) + 1)} WHERE "id" = ${project.id}`;
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).description).toBe("10");
  });

  it("keeps a rule two transactions both read when each writes a different row (write skew)", async () => {
    // Two people on duty; each transaction lets one go only while both are on. Each reads both rows
    // and writes its own, so the rows never clash: on PostgreSQL it is the later COMMIT that fails
    // (SERIALIZABLE's read/write dependency), and that whole transaction runs again, sees one left
    // on duty, and changes nothing. Both calls succeed; one person stays on.
    const duty = await Promise.all(
      ["first on duty", "second on duty"].map((name) => db.project.create({ data: { name, description: "on" } })),
    );
    const ids = duty.map((p) => p.id);
    const letGo = (id: string) =>
      db.$transaction(async (tx) => {
        const on = await tx.project.count({ where: { id: { in: ids }, description: "on" } });
        await sleep(100);
        if (on >= 2) await tx.project.update({ where: { id }, data: { description: "off" } });
        await sleep(200);
        return on;
      });
    const seen = await Promise.all(ids.map(letGo));
    const after = await db.project.findMany({ where: { id: { in: ids } } });
    expect(after.filter((p) => p.description === "on")).toHaveLength(1);
    expect(seen.sort()).toEqual([1, 2]);
  });

  it("commits a transaction's writes together, and a plain write waiting behind it lands after them", async () => {
    const project = await db.project.create({ data: { name: "Order" } });
    const transaction = db.$transaction(async (tx) => {
      await tx.project.update({ where: { id: project.id }, data: { description: "from the transaction" } });
      await sleep(300);
      await tx.project.update({ where: { id: project.id }, data: { name: "renamed in the transaction" } });
    });
    await sleep(100);
    await db.project.update({ where: { id: project.id }, data: { description: "written last" } });
    await transaction;
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      name: "renamed in the transaction",
      description: "written last",
    });
  });

  it.runIf(testProvider() === "sqlite")(
    "waits for another process's write lock (the command line) instead of failing",
    async () => {
      const project = await db.project.create({ data: { name: "Shared file" } });
      // Another process takes the write lock, changes the project, and commits half a second later.
      const holder = `
      const db = new (require("better-sqlite3"))(process.argv[1]);
      db.exec("BEGIN IMMEDIATE");
      db.prepare('UPDATE "Project" SET "name" = ? WHERE "id" = ?').run("renamed by the other process", process.argv[2]);
      console.log("locked");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      db.exec("COMMIT");
      db.close();`;
      const child = spawn(process.execPath, ["-e", holder, database.target.url, project.id], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await once(child.stdout, "data");
      await db.project.update({ where: { id: project.id }, data: { description: "saved meanwhile" } });
      await once(child, "exit");
      expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
        name: "renamed by the other process",
        description: "saved meanwhile",
      });
    },
  );

  it.runIf(testProvider() === "sqlite")(
    "refuses what a transaction sends after SQLite rolled it back (disk full), instead of committing it alone",
    async () => {
      const project = await db.project.create({ data: { name: "Before the full disk" } });
      const other = await db.project.create({ data: { name: "Grows past the disk" } });
      const [{ page_count }] = await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
      // The writer's file may grow by two pages only: a full disk, as SQLite sees one.
      await db.$executeRawUnsafe(`PRAGMA max_page_count = ${Number(page_count) + 2}`);
      let caught = "";
      const outcome = await db
        .$transaction(async (tx) => {
          await tx.project.update({ where: { id: project.id }, data: { name: "renamed inside" } });
          try {
            // One row of one table: SQLite answers a full disk by rolling the whole transaction back.
            await tx.$executeRaw`UPDATE "Project" SET "description" = ${"ж".repeat(20_000)} WHERE "id" = ${other.id}`;
          } catch (error) {
            caught = (error as Error).message; // a careless caller goes on after the error
          }
          await tx.project.update({ where: { id: project.id }, data: { description: "written after the error" } });
        })
        .then(
          () => "committed",
          (error: Error) => error.message,
        )
        .finally(() => db.$executeRawUnsafe("PRAGMA max_page_count = 2147483646"));
      expect(caught).toMatch(/full/);
      // SQLite rolled the transaction back with its error; the statement after it was refused with
      // that error, not run outside any transaction and committed on its own.
      expect(outcome).toMatch(/full/);
      const after = await db.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(after.name).toBe("Before the full disk");
      expect(after.description).not.toBe("written after the error");
    },
  );
});
