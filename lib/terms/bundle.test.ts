// Recognition runs in the editor too: its modules must bundle for the browser, with no Node-only
// import (node:*, Prisma, the database) reaching them.
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("recognition in the browser", () => {
  it("bundles recognize.ts and checks.ts for the browser from browser-safe modules only", async () => {
    const result = await build({
      stdin: {
        contents: 'export * from "./recognize"; export * from "./checks"; export * from "./types";',
        resolveDir: path.resolve("lib/terms"),
        loader: "ts",
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => /^node:|lib\/db|@prisma|generated|zod/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes("wink-porter2-stemmer"))).toBe(true);
    expect(inputs.some((i) => i.includes("modern-ahocorasick"))).toBe(true);
  });
});
