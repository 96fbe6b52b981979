import path from "node:path";
import { defineConfig } from "vitest/config";

// Each pass (SQLite, then PostgreSQL with PARALLEL_TEST_DB=postgres) runs every test but those of
// the other provider's own machinery.
const providerOnly = {
  sqlite: [
    "lib/db/migrate-sqlite.test.ts",
    "lib/db/statement-cache.test.ts",
    "lib/tm/fts.test.ts",
    // The database file on a small tmpfs the test fills. PostgreSQL's files are the cluster's, and a
    // full disk under its WAL stops the server (PANIC) until restarted: not the same property, and
    // not tested on PostgreSQL yet (docs/several-instances.md).
    "tests/reliability/disk.test.ts",
    // SQLite's own files on a loop device the test makes fail, and the adapter's check of commits.
    "tests/reliability/flip.test.ts",
    "tests/reliability/unconfirmed-commit.test.ts",
  ],
  postgres: [
    "lib/db/migrate-postgres.test.ts",
    "lib/db/schema-drift.test.ts",
    "lib/db/migration-twins-pg.test.ts",
    "lib/tm/pg-index.test.ts",
    "lib/live/pg-transport.test.ts",
    "tests/two-instances.test.ts",
  ],
};
const otherProvider = process.env.PARALLEL_TEST_DB === "postgres" ? "sqlite" : "postgres";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...providerOnly[otherProvider]],
    // Integration tests open real SQLite files, or real PostgreSQL databases with
    // PARALLEL_TEST_DB=postgres (tests/temp-db.ts); one file at a time keeps the 2-core machine calm.
    fileParallelism: false,
    globalSetup: ["tests/pg-global-setup.ts"],
    testTimeout: 30_000,
    // A beforeAll that builds a test world (migrations, password hashes) took over the default 10 s
    // while the shared machine ran at a load of 15: a ceiling, not a speed check.
    hookTimeout: 60_000,
  },
});
