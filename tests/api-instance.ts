// One app instance as its own process for tests of several instances (tests/two-instances.test.ts):
// every endpoint of the registry over real HTTP (tests/reliability/api-server.ts) on DATABASE_URL,
// with its own database pool and, on PostgreSQL, its own LISTEN connection. Prints
// "LISTENING <base URL>" once it answers; SIGTERM closes it.

import { getDb } from "../lib/db/client";
import { closeLive } from "../lib/live/runtime";
import { startApiServer } from "./reliability/api-server";

const api = await startApiServer();
console.log(`LISTENING ${api.base}`);
process.on("SIGTERM", () => {
  void (async () => {
    await api.close();
    await closeLive(getDb());
    await getDb().$disconnect();
    process.exit(0);
  })();
});
