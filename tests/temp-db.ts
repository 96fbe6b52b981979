// Real SQLite files in a throwaway folder, for integration tests.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseTarget } from "../lib/db/url";

export function tempDir(prefix = "parallel-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A SQLite target using the project's own schema and migrations. */
export function sqliteTarget(dir: string, name = "test.db"): DatabaseTarget {
  return { provider: "sqlite", url: path.join(dir, name), prismaDir: path.resolve("prisma", "sqlite") };
}

/** A private copy of prisma/sqlite (schema, models, migrations) that a test may add migrations to. */
export function copyPrismaDir(dir: string): string {
  const copy = path.join(dir, "prisma-sqlite");
  cpSync(path.resolve("prisma", "sqlite"), copy, { recursive: true, dereference: true });
  return copy;
}
