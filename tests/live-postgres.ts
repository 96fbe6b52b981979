// The live layer of several "instances" on one PostgreSQL database migrated with the app's own
// history (prisma/postgres: tests/temp-db.ts, or migrateDatabase in the benchmark), each instance
// through `pg` directly with its own pool and LISTEN connection, as separate processes would have.
import { Pool } from "pg";
import { pgTransport } from "../lib/live/pg-listener";
import { createLiveRuntime, type LiveRuntime } from "../lib/live/runtime";
import { pgRunner } from "../lib/live/sql";

/** People the events and presence name: "User" rows as the app's schema needs them (no password). */
export async function addPeople(client: Pick<Pool, "query">, people: { id: string; name: string }[]) {
  for (const person of people)
    await client.query(
      `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ($1, $2, $3, CURRENT_TIMESTAMP)`,
      [person.id, person.name, `${person.id}@example.com`],
    );
}

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
