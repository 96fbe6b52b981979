// The production build the benchmark serves. `next build` runs (in the project, as npm run build does)
// only when there is no build yet or BENCH_REBUILD=1. The build is then copied to bench/out/app/.next
// and served from there, beside links to the project's files: others may rebuild .next while the
// benchmark runs, and a half-written .next would break the server mid-run. When a rebuild fails, an
// earlier copy is served, and the table says so. Only what `next start` reads is linked: no sources,
// so TypeScript and the test runners do not see the project twice.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { OUT_DIR, ROOT } from "./config";
import { sleep } from "./stats";

export const APP_DIR = path.join(OUT_DIR, "app");
const LINKED = ["node_modules", "package.json", "next.config.js", "public"];

export interface BuildInfo {
  buildId: string;
  /** When that build was made. */
  builtAt: Date;
  /** Seconds spent in next build during this run (0 when reused). */
  buildSeconds: number;
  /** Set when the served build is not the project's current one. */
  warning: string | null;
}

const buildIdOf = (dir: string) => {
  try {
    return readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
};

function run(args: string[], timeoutMs: number) {
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    stdio: "inherit",
    timeout: timeoutMs,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** bench/out/app: links to node_modules, package.json and next.config.js, and a copy of .next. */
async function snapshot(): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = buildIdOf(ROOT);
    if (!before) throw new Error("no production build to copy");
    if (buildIdOf(APP_DIR) === before) return before;
    rmSync(APP_DIR, { recursive: true, force: true });
    mkdirSync(APP_DIR, { recursive: true });
    for (const entry of LINKED) {
      if (existsSync(path.join(ROOT, entry))) symlinkSync(path.join(ROOT, entry), path.join(APP_DIR, entry));
    }
    const source = path.join(ROOT, ".next");
    cpSync(source, path.join(APP_DIR, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      preserveTimestamps: true,
      filter: (from) => from !== path.join(source, "cache"),
    });
    // Unchanged while copying: the copy is whole.
    if (buildIdOf(ROOT) === before && buildIdOf(APP_DIR) === before) return before;
    await sleep(5_000);
  }
  throw new Error(".next kept changing while it was copied (someone is building): try again later");
}

export async function prepareBuild(): Promise<BuildInfo> {
  const started = performance.now();
  if (!existsSync(path.join(ROOT, "lib", "generated", "sqlite", "client.ts"))) {
    console.log("Generating the Prisma client…");
    run([path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/generate.ts"], 120_000);
  }
  let warning: string | null = null;
  if (process.env.BENCH_REBUILD === "1" || !buildIdOf(ROOT)) {
    console.log("No production build: running next build (about a minute)…");
    try {
      run([path.join("node_modules", "next", "dist", "bin", "next"), "build"], 5 * 60_000);
    } catch (error) {
      // Most often someone else's build is running ("Another next build process is already running"):
      // wait for it to finish, a few minutes at most.
      console.warn("next build failed; waiting up to 4 minutes for a build to appear in .next…");
      const until = Date.now() + 4 * 60_000;
      while (!buildIdOf(ROOT) && Date.now() < until) await sleep(5_000);
      if (!buildIdOf(ROOT)) {
        if (!buildIdOf(APP_DIR)) throw error;
        warning = "next build failed: serving the copy of an earlier build (bench/out/app/.next)";
        console.warn(`${warning}\n`);
      }
    }
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const buildId = warning ? buildIdOf(APP_DIR)! : await snapshot();
  const builtAt = statSync(path.join(APP_DIR, ".next", "BUILD_ID")).mtime;
  return { buildId, builtAt, buildSeconds, warning };
}
