// Makes PostgreSQL run one of the app's transactions again, at a point the test chooses, so a test
// sees what the re-run does (lib/db/serializable.ts): another session changes rows first and keeps
// its transaction open; the app's transaction, started meanwhile, waits on those rows; once it is
// seen waiting, the other session commits, and PostgreSQL aborts the waiting transaction for a
// concurrent update (SQLSTATE 40001), which the app runs again from the start. Nothing is timed:
// the test waits until PostgreSQL itself says the app's statement is blocked by the holder.
import pg from "pg";

export interface Hold {
  /** Resolves once another session's statement waits for this one's locks. */
  blocking(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

/** Runs `statements` in an open transaction on `url` (LOCK TABLE, UPDATE …) and keeps it open. */
export async function holdRows(url: string, statements: { text: string; values?: unknown[] }[]): Promise<Hold> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const pid = rows[0].pid;
  await client.query("BEGIN");
  for (const s of statements) await client.query(s.text, s.values);
  // A second connection asks, so that the holder's own stays idle in its transaction.
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const end = async (sql: string) => {
    try {
      await client.query(sql);
    } finally {
      await client.end();
      await watcher.end();
    }
  };
  return {
    async blocking() {
      for (let waited = 0; waited < GIVE_UP_MS; waited += POLL_MS) {
        const blocked = await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
          [pid],
        );
        if (blocked.rows[0].n > 0) return;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      throw new Error("no statement came to wait for the held rows");
    },
    commit: () => end("COMMIT"),
    rollback: () => end("ROLLBACK"),
  };
}
