// The live layer on a throwaway PostgreSQL cluster, through `pg` directly: until the app itself runs
// on PostgreSQL (its migration history, prisma/postgres), these are the tables the live layer reads
// and writes, as Prisma's PostgreSQL migration makes them from prisma/models/live.prisma (and the
// two columns of "User" it joins). When the app's history lands, tests migrate with it instead.
import { Pool } from "pg";
import { pgTransport } from "../lib/live/pg-listener";
import { createLiveRuntime, type LiveRuntime } from "../lib/live/runtime";
import { pgRunner } from "../lib/live/sql";

export const LIVE_TABLES = `
  CREATE TABLE "User" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
  CREATE TABLE "LiveEvent" (
    "id" BIGINT NOT NULL,
    "documentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id"));
  CREATE TABLE "Presence" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "segmentId" TEXT,
    "lang" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Presence_pkey" PRIMARY KEY ("id"));
  CREATE INDEX "LiveEvent_documentId_id_idx" ON "LiveEvent"("documentId", "id");
  CREATE INDEX "Presence_documentId_idx" ON "Presence"("documentId");
  CREATE INDEX "Presence_seenAt_idx" ON "Presence"("seenAt");`;

/** One app instance's live layer: its own pool and its own LISTEN connection, named for pg_stat_activity. */
export function pgInstance(url: string, name: string, poolSize = 10) {
  const applicationName = `parallel-${name}`;
  const pool = new Pool({ connectionString: url, max: poolSize, application_name: applicationName });
  // A terminated idle pool connection reports here; the pool replaces it on the next query.
  pool.on("error", () => {});
  const states: string[] = [];
  const sql = pgRunner(pool);
  const live: LiveRuntime = createLiveRuntime(
    sql,
    pgTransport(url, sql, { applicationName, onState: (state) => states.push(state) }),
  );
  return {
    pool,
    live,
    states,
    applicationName,
    async close() {
      await live.close();
      await pool.end();
    },
  };
}
