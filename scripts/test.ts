// npm test: every test. Unit and integration (vitest, real SQLite files), then a production build
// and the end-to-end specs (Playwright, Chromium) against it. Prints how long each stage took.
import { execFileSync } from "node:child_process";
import path from "node:path";

const bin = (pkg: string, file: string) => path.join("node_modules", pkg, file);
const stages: [string, string[]][] = [
  ["prisma generate", [bin("tsx", "dist/cli.mjs"), "scripts/generate.ts"]],
  ["unit + integration (vitest)", [bin("vitest", "vitest.mjs"), "run"]],
  ["build (next build)", [bin("next", "dist/bin/next"), "build"]],
  ["end-to-end (playwright)", [bin("@playwright/test", "cli.js"), "test"]],
];

const times: [string, number][] = [];
for (const [name, args] of stages) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(process.execPath, args, { stdio: "inherit" });
  } catch {
    console.error(`\n✗ ${name} failed`);
    process.exit(1);
  } finally {
    times.push([name, (Date.now() - started) / 1000]);
  }
}
console.log("\nstage                          seconds");
for (const [name, s] of times) console.log(`${name.padEnd(30)} ${s.toFixed(1).padStart(7)}`);
