// npm start: migrate, seed, build when there is no build, then serve on PORT (default 3000).
// Each refusal is one line that says what to do.
import "../lib/server/production-env";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseTrustedProxies, TrustedProxiesError } from "../lib/server/client-address";

const port = Number(process.env.PORT || 3000);
const root = process.cwd();

function refuse(message: string): never {
  console.error(`Parallel cannot start: ${message}`);
  process.exit(1);
}

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(p);
  });
}

function run(args: string[]) {
  execFileSync(process.execPath, args, { stdio: "inherit", cwd: root });
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    refuse(`PORT must be a number from 1 to 65535, got "${process.env.PORT}".`);
  try {
    parseTrustedProxies();
  } catch (error) {
    if (error instanceof TrustedProxiesError) refuse(error.message);
    throw error;
  }
  if (!(await portIsFree(port)))
    refuse(`port ${port} is already in use. Stop the program using it, or set PORT to a free port.`);

  if (!existsSync(path.join(root, "lib", "generated", "sqlite", "client.ts"))) {
    run([path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/generate.ts"]);
  }
  // Imported only now: they need the generated client.
  const { DatabaseSetupError } = await import("../lib/db/migrate");
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  try {
    const { applied, seeded, ownerCreated } = await prepareDatabase();
    if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
    if (seeded) console.log("Demo project created.");
    if (ownerCreated) console.log(`First owner created: ${process.env.ADMIN_EMAIL}`);
  } catch (error) {
    if (error instanceof DatabaseSetupError) refuse(error.message);
    throw error;
  }

  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No build yet: building (about a minute)…");
    run([path.join("node_modules", "next", "dist", "bin", "next"), "build"]);
  }

  // serve() stops on SIGTERM/SIGINT itself, after answering the requests in flight.
  const { serve } = await import("../lib/server/serve");
  await serve(port, root);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
