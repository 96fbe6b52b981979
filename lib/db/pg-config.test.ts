// How an instance connects to PostgreSQL: DATABASE_POOL_SIZE (documented in README and
// docs/several-instances.md) and the fields taken from DATABASE_URL.
import { describe, expect, it } from "vitest";
import { DatabaseSetupError } from "./errors";
import { DEFAULT_POOL_SIZE, describePgUrl, pgConnectionConfig, poolSize } from "./pg-config";

describe("DATABASE_POOL_SIZE", () => {
  it("is 10 connections an instance when unset or empty", () => {
    expect(DEFAULT_POOL_SIZE).toBe(10);
    expect(poolSize(undefined)).toBe(10);
    expect(poolSize("")).toBe(10);
  });

  it("takes a whole number from 1 to 1000", () => {
    expect(poolSize("1")).toBe(1);
    expect(poolSize("25")).toBe(25);
    expect(poolSize("1000")).toBe(1000);
  });

  it("refuses anything else with a message naming the variable", () => {
    for (const bad of ["0", "-3", "2.5", "ten", "1001"]) {
      const error = (() => {
        try {
          poolSize(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DatabaseSetupError);
      expect((error as Error).message).toContain("DATABASE_POOL_SIZE");
      expect((error as Error).message).toContain(bad);
    }
  });
});

describe("DATABASE_URL for PostgreSQL", () => {
  it("gives the pool each field, the password unescaped, and is described without the password", () => {
    const url = "postgresql://parallel:p%40ss%2Fword@db.internal:6543/parallel_prod?sslmode=require";
    expect(pgConnectionConfig(url)).toMatchObject({
      host: "db.internal",
      port: 6543,
      user: "parallel",
      password: "p@ss/word",
      database: "parallel_prod",
      application_name: "parallel",
    });
    expect(pgConnectionConfig(url).ssl).toBeTruthy();
    expect(describePgUrl(url)).toBe("parallel@db.internal:6543/parallel_prod");
    expect(describePgUrl(url)).not.toContain("word");
  });
});
