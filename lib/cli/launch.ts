// How `npm run parallel` starts Node (package.json): the command line's own heap settings, then tsx.
// The command line exports and imports whole documents in one go; V8's defaults size the heap for
// long-running servers and let it grow to several times what is alive while a document streams
// through (bench/export-tmx.ts). A smaller young generation (--max-semi-space-size=8, half the
// default) and slower old-generation growth (--heap-growing-percent=10) keep a 100,000-paragraph
// export under 200 MB, costing the export about 10% of its speed. Tests and benchmarks start the
// command the same way, from here.
import { readFileSync } from "node:fs";
import path from "node:path";

/** The Node arguments of the `parallel` script, before the script file (e.g. the heap flags, --import tsx). */
export function parallelNodeArgs(root = process.cwd()): { nodeArgs: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = pkg.scripts.parallel.split(/\s+/);
  if (words[0] !== "node") throw new Error('package.json: the "parallel" script should start with node');
  const script = words[words.length - 1];
  return { nodeArgs: words.slice(1, -1), script };
}
