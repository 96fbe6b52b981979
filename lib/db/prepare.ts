import { seedDemo } from "../seed/demo";
import { openDb } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseTarget } from "./url";

/** What every start does before serving: migrate forward, then seed an empty database. */
export async function prepareDatabase(url?: string) {
  const target = databaseTarget(url);
  const { applied } = await migrateDatabase(target);
  const db = openDb(target.provider === "sqlite" ? `file:${target.url}` : target.url);
  try {
    const seeded = await seedDemo(db);
    return { applied, seeded };
  } finally {
    await db.$disconnect();
  }
}
