import { ensureSetupCode } from "../auth/setup-code";
import { ensureFirstOwnerFromEnv } from "../auth/users";
import { seedDemo } from "../seed/demo";
import { openDb } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseTarget } from "./url";

/**
 * What every start does before serving: migrate forward, seed an empty database, and create the
 * first owner from ADMIN_EMAIL + ADMIN_PASSWORD when there is no account yet (servers set up
 * without a browser); otherwise make sure there is a setup code for /setup (lib/auth/setup-code.ts).
 */
export async function prepareDatabase(url?: string) {
  const target = databaseTarget(url);
  const { applied } = await migrateDatabase(target);
  const db = openDb(target.provider === "sqlite" ? `file:${target.url}` : target.url);
  try {
    const seeded = await seedDemo(db);
    const ownerCreated = await ensureFirstOwnerFromEnv(db);
    const setupCode = await ensureSetupCode(db);
    return { applied, seeded, ownerCreated, setupCode };
  } finally {
    await db.$disconnect();
  }
}
