// The production server: Next.js for every page and route, except the translation save, which is
// answered directly from Node's http objects (lib/server/save-endpoint.ts) with the same checks and
// the same code as the Next route (app/api/v1/segments/…/route.ts). A save is the one request
// translators make every second or two; Next's request pipeline costs several times the save itself
// (see bench/), so it is skipped for this one path. Every request first gets the client's address
// from its socket and the trusted proxies (lib/server/client-address.ts), which Next cannot see.
// Every response starts with the security headers (lib/http/security-headers.ts): pages get their
// nonce policy from proxy.ts, which replaces these; static files and Next's own answers keep them.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { ensureSetupCode, setupCodeLines } from "../auth/setup-code";
import { getDb } from "../db/client";
import { setSecurityHeaders } from "../http/security-headers";
import { closeLive } from "../live/runtime";
import { warmDictionaries } from "../qa/spelling/dictionaries";
import { startTrashPurge } from "../trash/purge";
import { parseTrustedProxies, withClientAddress } from "./client-address";
import { saveOrNext } from "./save-endpoint";

export async function serve(port: number, root = process.cwd()) {
  const trusted = parseTrustedProxies();
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer(
    withClientAddress(
      saveOrNext((req, res) => {
        setSecurityHeaders(res);
        return handle(req, res);
      }),
      trusted,
    ),
  );
  server.keepAliveTimeout = 65_000;
  // A process manager stops an instance with SIGTERM: answer what is in flight, then exit.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      // Live streams never end by themselves: end them (their clients reconnect to another instance).
      void closeLive(getDb());
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
  await new Promise<void>((resolve) => server.listen(port, resolve));
  // Spelling dictionaries load in the background: the first check as someone types need not wait.
  warmDictionaries();
  console.log(`Parallel is serving on http://localhost:${port} (${path.relative(process.cwd(), root) || "."})`);
  const publicUrl = (process.env.PARALLEL_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  for (const line of setupCodeLines(await ensureSetupCode(getDb()), publicUrl)) console.log(line);
  // npm start purged the trash before serving; from here on, every hour.
  startTrashPurge(getDb(), { now: false });
  return server;
}
