// The live layer of a client is on that client's database, whatever DATABASE_URL says: the command
// line and the tests open their own (openDb). On the PostgreSQL pass a client opened so was once
// given SQLite's append statement and every event it published was lost ("operator does not
// exist: bigint + text").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb, targetOf } from "../db/client";
import { documentEventsAfter } from "./event-log";
import { closeLive, liveFor, publishLive } from "./runtime";

let database: TestDatabase;
let db: Db;
const configured = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await testDatabase();
  db = openDb(database.url);
  // Another database than the client's: a SQLite file, whichever pass this is.
  process.env.DATABASE_URL = "file:./data/not-this-one.db";
});
afterAll(async () => {
  if (configured === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = configured;
  await closeLive(db);
  await db.$disconnect();
  await database.cleanup();
});

describe("the live layer of a client opened on its own database", () => {
  it("speaks that database's dialect and logs every event published through it", async () => {
    const live = liveFor(db);
    expect(live.sql.dialect).toBe(targetOf(db).provider);
    expect(live.sql.dialect).toBe(database.target.provider);
    const documentId = "d-own-database";
    const published = [1, 2, 3].map((version) =>
      publishLive(db, {
        type: "translation.saved",
        documentId,
        actorId: null,
        data: { segmentId: "s1", lang: "en", version, status: "draft" },
      }),
    );
    await Promise.all(published);
    await live.publisher.flush();
    const logged = await documentEventsAfter(live.sql, documentId, 0);
    expect(logged.map((e) => (e.type === "translation.saved" ? e.version : null))).toEqual([1, 2, 3]);
    expect(logged.map((e) => e.id)).toEqual([logged[0].id, logged[0].id + 1, logged[0].id + 2]);
  });
});
