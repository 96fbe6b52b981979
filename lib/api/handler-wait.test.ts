// A request that waited too long for a database connection (PostgreSQL's pool, SQLite's one writer)
// wrote nothing: it is answered 503 with Retry-After and the editor sends it again, never 500. The race
// suite on PostgreSQL found the 500: a split's transaction waited past Prisma's 2 s maxWait with 50
// writers on a pool of 10.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { errorAnswer } from "./handler";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  // One connection on PostgreSQL, as SQLite has one writer: a transaction holding it keeps the next waiting.
  const before = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = "1";
  try {
    db = openDb(database.url);
  } finally {
    if (before === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = before;
  }
});
afterAll(async () => {
  await db.$disconnect();
  await database.cleanup();
});

describe("a request that waited too long for a connection", () => {
  it("is answered 503 unavailable with Retry-After, and wrote nothing", async () => {
    const project = await db.project.create({ data: { name: "Before" } });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = db.$transaction(
      async (tx) => {
        await tx.project.update({ where: { id: project.id }, data: { name: "held by the first" } });
        started();
        await held;
      },
      { timeout: 20_000 },
    );
    await holding;
    const waiting = await db
      .$transaction(
        async (tx) => {
          await tx.project.update({ where: { id: project.id }, data: { name: "written by the second" } });
        },
        { maxWait: 200 },
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    release();
    await holder;

    expect(waiting).toBeTruthy();
    const answer = errorAnswer(waiting, "en");
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: { code: "unavailable" } });
    expect(answer.retryAfter).toBeGreaterThan(0);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("held by the first");
  });
});
