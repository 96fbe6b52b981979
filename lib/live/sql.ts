// How the live layer reaches its two tables: Prisma's raw SQL on the app's client, the same
// statements on either database. The few that differ (the append's lock and NOTIFY) ask `dialect`.
// A plain `pg` pool runs the same statements in tests and benchmarks of the PostgreSQL transport.
import type { Pool } from "pg";
import { type Db, Prisma, providerOf } from "../db/client";
import type { Provider } from "../db/url";

export type Dialect = Provider;

export interface SqlRunner {
  dialect: Dialect;
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  execute(sql: Prisma.Sql): Promise<number>;
  /** The statements in order in one transaction; the answer is the last one's rows. */
  transaction<T>(statements: Prisma.Sql[]): Promise<T[]>;
}

/** The app's client; the dialect is the database it talks to unless said. */
export function prismaRunner(db: Db, dialect: Dialect = providerOf(db)): SqlRunner {
  return {
    dialect,
    query: <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql),
    execute: (sql) => db.$executeRaw(sql),
    async transaction<T>(statements: Prisma.Sql[]) {
      const results = await db.$transaction(statements.map((sql) => db.$queryRaw<T[]>(sql)));
      return results[results.length - 1] as T[];
    },
  };
}

/** A `pg` pool (PostgreSQL tests and benchmarks). */
export function pgRunner(pool: Pool): SqlRunner {
  return {
    dialect: "postgres",
    query: async <T>(sql: Prisma.Sql) => (await pool.query(sql.text, sql.values)).rows as T[],
    execute: async (sql) => (await pool.query(sql.text, sql.values)).rowCount ?? 0,
    async transaction<T>(statements: Prisma.Sql[]) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        let rows: T[] = [];
        for (const sql of statements) rows = (await client.query(sql.text, sql.values)).rows as T[];
        await client.query("COMMIT");
        return rows;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * A time as a statement's value, stored as Prisma stores a DateTime: SQLite gets the Date (the
 * adapter writes its ISO text), PostgreSQL a UTC timestamp(3) whatever the session's time zone.
 */
export function timestamp(dialect: Dialect, at: Date): Prisma.Sql {
  return dialect === "sqlite" ? Prisma.sql`${at}` : Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** SQLite answers integers as bigint, PostgreSQL's int8 as text: both become numbers here. */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export { Prisma };
