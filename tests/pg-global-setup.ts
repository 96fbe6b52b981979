// Vitest global setup: when the suite runs on PostgreSQL (PARALLEL_TEST_DB=postgres), one throwaway
// cluster for the whole run, with a migrated template database each test's database is copied
// from (tests/temp-db.ts). On SQLite it does nothing.
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate";
import { startPgCluster } from "../lib/db/pg-cluster";
import { PG_TEMPLATE, PG_URL_VAR, testProvider } from "./temp-db";

export default async function setup() {
  if (testProvider() !== "postgres") return;
  const cluster = await startPgCluster();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  await client.end();
  await migrateDatabase({
    provider: "postgres",
    url: cluster.urlOf(PG_TEMPLATE),
    prismaDir: path.resolve("prisma", "postgres"),
  });
  // Workers start after this and inherit the environment.
  process.env[PG_URL_VAR] = cluster.url;
  console.log(`PostgreSQL ${cluster.url} (throwaway cluster for this run)`);
  return () => cluster.stop();
}
