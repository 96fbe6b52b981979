// An instance that cannot reach its database at all (PostgreSQL down, its role refused, its connections
// killed) answers 503 `unavailable` with Retry-After and a translated "cannot reach its database", not
// 500: the request was fine, nothing was written, and the editor keeps the edit and sends it again.
// Found by e2e/two-instances.spec.ts, which cuts instance B off from PostgreSQL. PostgreSQL only: an
// SQLite file has no connection to lose.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase, testProvider } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { getT } from "../i18n/server";
import { errorAnswer } from "./handler";

const ROLE = `cut_${Math.random().toString(36).slice(2, 8)}`;
let database: TestDatabase;
let admin: pg.Client;
let db: Db;

const failure = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

describe.skipIf(testProvider() !== "postgres")("an instance cut off from PostgreSQL", () => {
  beforeAll(async () => {
    database = await testDatabase();
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD 'cut-pass'`);
    await admin.query(`GRANT ALL ON SCHEMA public TO ${ROLE}`);
    await admin.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${ROLE}`);
    const url = new URL(database.url);
    url.username = ROLE;
    url.password = "cut-pass";
    db = openDb(url.toString());
  });
  afterAll(async () => {
    await db?.$disconnect();
    await admin?.query(`DROP OWNED BY ${ROLE}`);
    await admin?.query(`DROP ROLE ${ROLE}`);
    await admin?.end();
    await database?.cleanup();
  });

  it("answers 503 unavailable with Retry-After in the caller's language, and works again once let back in", async () => {
    await db.project.create({ data: { name: "Before the cut" } });
    await admin.query(`ALTER ROLE ${ROLE} NOLOGIN`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [ROLE]);

    const read = await failure(db.project.findMany());
    const write = await failure(db.project.create({ data: { name: "During the cut" } }));
    const transaction = await failure(db.$transaction(async (tx) => tx.project.count()));
    const raw = await failure(db.$queryRaw`SELECT 1`);
    for (const error of [read, write, transaction, raw]) {
      expect(error).toBeTruthy();
      const answer = errorAnswer(error, "en");
      expect(answer.status).toBe(503);
      expect(answer.body.error).toEqual({ code: "unavailable", message: getT("en")("errors.databaseUnreachable") });
      expect(answer.retryAfter).toBeGreaterThan(0);
    }
    expect(errorAnswer(read, "uk").body.error.message).toBe(getT("uk")("errors.databaseUnreachable"));
    expect(getT("uk")("errors.databaseUnreachable")).not.toBe(getT("en")("errors.databaseUnreachable"));

    await admin.query(`ALTER ROLE ${ROLE} LOGIN`);
    expect((await db.project.findMany()).map((p) => p.name)).toContain("Before the cut");
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "Project" WHERE name = 'During the cut'`);
    expect(rows[0].n).toBe(0);
  });

  it("answers 503 when nothing listens where the database should be", async () => {
    const url = new URL(database.url);
    url.port = "1";
    const nowhere = openDb(url.toString());
    try {
      const answer = errorAnswer(await failure(nowhere.project.findMany()), "kk");
      expect(answer.status).toBe(503);
      expect(answer.body.error.message).toBe(getT("kk")("errors.databaseUnreachable"));
    } finally {
      await nowhere.$disconnect();
    }
  });
});
