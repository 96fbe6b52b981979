// npm run soak: the reliability suite of issue 18 at soak sizes (tests/reliability/config.ts,
// PARALLEL_SOAK=1: 50 writers × 1,000 edits, 20 kills, over 100,000 fuzzed inputs), 30–60 minutes
// on a 2-core machine, then docs/reliability.md written from the figures the tests recorded. Any
// size can be set on its own (RACE_EDITS, CRASH_ROUNDS, FUZZ_RUNS, BODY_RUNS, QUERY_RUNS…); E2E_PORT
// and CRASH_PORT as for npm test. Builds first when there is no production build.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresStageRuns } from "../lib/db/pg-cluster";

const report = path.join(tmpdir(), `parallel-soak-${process.pid}.jsonl`);
rmSync(report, { force: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PARALLEL_SOAK: process.env.PARALLEL_SOAK ?? "1",
  RELIABILITY_REPORT: report,
  CI: "1",
};
const bin = (pkg: string, file: string) => path.join("node_modules", pkg, file);
/** A stage: its name, node's arguments, and what it adds to the environment. */
type Stage = [string, string[], Record<string, string>?];
const stages: Stage[] = [
  [
    "races, fuzzing, attacks (vitest)",
    [bin("vitest", "vitest.mjs"), "run", "tests/reliability", "lib/segments/word-count.test.ts"],
  ],
  // The race suite runs on PostgreSQL too when its server binaries are here (always under CI, as in npm test).
  ...(postgresStageRuns("races on PostgreSQL")
    ? [
        [
          "races on PostgreSQL (vitest, a throwaway cluster)",
          [bin("vitest", "vitest.mjs"), "run", "tests/reliability/races.test.ts"],
          { PARALLEL_TEST_DB: "postgres" },
        ] as Stage,
      ]
    : []),
  [
    "crash, read-only, offline, XSS, load (playwright, the production server)",
    [bin("@playwright/test", "cli.js"), "test", "e2e/reliability-"],
  ],
];
if (!existsSync(".next/BUILD_ID")) stages.unshift(["build (next build)", [bin("next", "dist/bin/next"), "build"]]);

const started = new Date();
const times: [string, number, boolean][] = [];
for (const [name, args, extra] of stages) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  let ok = true;
  try {
    execFileSync(process.execPath, args, { stdio: "inherit", env: { ...env, ...extra } });
  } catch {
    ok = false;
  }
  times.push([name, (Date.now() - t) / 1000, ok]);
}

interface Line {
  property: string;
  test: string;
  figures: Record<string, unknown>;
}
const lines: Line[] = existsSync(report)
  ? readFileSync(report, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
const cell = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v)).replace(/\|/g, "\\|");
const sizes = ["PARALLEL_SOAK", "RACE_WRITERS", "RACE_EDITS", "CRASH_ROUNDS", "FUZZ_RUNS", "BODY_RUNS", "QUERY_RUNS"]
  .filter((k) => env[k] !== undefined)
  .map((k) => `${k}=${env[k]}`)
  .join(", ");
const md = `# Reliability: what is proven, and the figures of the last soak

Written by \`npm run soak\` (scripts/soak.ts) on ${started.toISOString()}; do not edit by hand. Sizes of this
run: ${sizes}. CI runs the same tests at small sizes inside \`npm test\`.

| stage | seconds | result |
|---|---:|---|
${times.map(([n, s, ok]) => `| ${n} | ${s.toFixed(0)} | ${ok ? "passed" : "FAILED"} |`).join("\n")}

## Properties

| property | test | figures of this run |
|---|---|---|
${lines
  .map(
    (l) =>
      `| ${cell(l.property)} | \`${l.test}\` | ${Object.entries(l.figures)
        .map(([k, v]) => `${k}: ${cell(v)}`)
        .join("; ")} |`,
  )
  .join("\n")}

A property whose test failed has no row: its figures were not recorded.

## Bugs these tests found, fixed

${readFileSync(path.join("docs", "reliability-bugs.md"), "utf8").trim()}
`;
writeFileSync(path.join("docs", "reliability.md"), md);
rmSync(report, { force: true });
console.log(`\ndocs/reliability.md written (${lines.length} properties)`);
process.exit(times.every(([, , ok]) => ok) ? 0 : 1);
