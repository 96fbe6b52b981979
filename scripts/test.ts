// npm test: every test. Unit and integration (vitest) on real SQLite files, the integration suite
// again on PostgreSQL (a throwaway cluster started from the installed server binaries and stopped at
// the end: tests/pg-global-setup.ts), then a production build and the end-to-end specs (Playwright,
// Chromium) against it. Prints how long each stage took.
// Without PostgreSQL's server binaries the PostgreSQL pass is skipped with a notice, except under CI
// (.ci/run installs them); PARALLEL_TEST_POSTGRES=skip skips it on purpose. The same rule skips the
// end-to-end spec of two instances on PostgreSQL (e2e/two-instances.spec.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { postgresStageRuns } from "../lib/db/pg-cluster";

const bin = (pkg: string, file: string) => path.join("node_modules", pkg, file);
const vitest = [bin("vitest", "vitest.mjs"), "run"];
const postgresEnv = { ...process.env, PARALLEL_TEST_DB: "postgres" };

const stages: [string, string[], NodeJS.ProcessEnv?][] = [
  ["prisma generate", [bin("tsx", "dist/cli.mjs"), "scripts/generate.ts"]],
  ["unit + integration (vitest)", vitest],
  ...(postgresStageRuns("integration on PostgreSQL")
    ? [["integration on PostgreSQL", vitest, postgresEnv] as [string, string[], NodeJS.ProcessEnv]]
    : []),
  ["build (next build)", [bin("next", "dist/bin/next"), "build"]],
  ["end-to-end (playwright)", [bin("@playwright/test", "cli.js"), "test"]],
];

const times: [string, number][] = [];
for (const [name, args, env] of stages) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(process.execPath, args, { stdio: "inherit", env: env ?? process.env });
  } catch {
    console.error(`\n✗ ${name} failed`);
    process.exit(1);
  } finally {
    times.push([name, (Date.now() - started) / 1000]);
  }
}
console.log("\nstage                          seconds");
for (const [name, s] of times) console.log(`${name.padEnd(30)} ${s.toFixed(1).padStart(7)}`);
