// The production server: Next.js for every page and route, except the translation save, which is
// answered directly from Node's http objects (lib/server/save-endpoint.ts) with the same checks and
// the same code as the Next route (app/api/v1/segments/…/route.ts). A save is the one request
// translators make every second or two; Next's request pipeline costs several times the save itself
// (see bench/), so it is skipped for this one path.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { saveOrNext } from "../lib/server/save-endpoint";

export async function serve(port: number, root = process.cwd()) {
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer(saveOrNext(handle));
  server.keepAliveTimeout = 65_000;
  // A process manager stops an instance with SIGTERM: answer what is in flight, then exit.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(`Parallel is serving on http://localhost:${port} (${path.relative(process.cwd(), root) || "."})`);
  return server;
}
