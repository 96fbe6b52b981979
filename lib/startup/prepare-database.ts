// Start-up: what `npm start`, `npm run dev`, the command line and the tests do before using a
// database. It sits above lib/db (which knows nothing of accounts or the demo) because it seeds the
// demo and may create the first owner.
import { ensureSetupCode } from "../auth/setup-code";
import { ensureFirstOwnerFromEnv } from "../auth/users";
import { openDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { databaseTarget } from "../db/url";
import { discardUnfinishedDocuments } from "../documents/stage-document";
import { seedDemo } from "../seed/demo";
import { purgeExpired } from "../trash/purge";

/**
 * What every start does before serving: migrate forward, drop documents an interrupted import left
 * unfinished (invisible), seed an empty database, and create the
 * first owner from ADMIN_EMAIL + ADMIN_PASSWORD when there is no account yet (servers set up
 * without a browser); otherwise make sure there is a setup code for /setup (lib/auth/setup-code.ts).
 */
export async function prepareDatabase(url?: string) {
  const target = databaseTarget(url);
  const { applied } = await migrateDatabase(target);
  const db = openDb(target.provider === "sqlite" ? `file:${target.url}` : target.url);
  try {
    // An import the server was stopped in the middle of leaves a hidden, unfinished document.
    await discardUnfinishedDocuments(db);
    const seeded = await seedDemo(db);
    const ownerCreated = await ensureFirstOwnerFromEnv(db);
    const setupCode = await ensureSetupCode(db);
    // What stayed in the trash longer than PARALLEL_TRASH_DAYS goes now (servers repeat it hourly).
    const purged = await purgeExpired(db);
    return { applied, seeded, ownerCreated, setupCode, purged };
  } finally {
    await db.$disconnect();
  }
}
