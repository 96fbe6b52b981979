// The databases the memory benchmark (bench/tm.ts) runs on, chosen by BENCH_TM_DB: a SQLite file per
// size (the default), or a database per size in one throwaway PostgreSQL cluster (durable, as a
// server keeps it: fsync on), started from the installed server binaries as bench/pg.ts does. Each
// gives the URL the app's code opens, its size on disk, and every unit for the naive floor.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type PgCluster, startPgCluster } from "../lib/db/pg-cluster";
import type { ScoreUnit } from "../lib/tm/score";

export type TmDbKind = "sqlite" | "postgres";
export const DB_NAMES: Record<TmDbKind, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** BENCH_TM_DB: "sqlite" (default), "postgres", or both ("sqlite,postgres"), in that order. */
export function tmDbKinds(value = process.env.BENCH_TM_DB || "sqlite"): TmDbKind[] {
  const kinds = value.split(",").map((k) =>
    k
      .trim()
      .toLowerCase()
      .replace(/^postgresql$/, "postgres"),
  );
  for (const k of kinds)
    if (k !== "sqlite" && k !== "postgres") throw new Error(`BENCH_TM_DB: "${k}" is neither sqlite nor postgres`);
  return [...new Set(kinds)] as TmDbKind[];
}

export interface TmBenchDb {
  url: string;
  /** The database on disk, tables and indexes, MB. */
  sizeMb(): Promise<number>;
  /** Every unit of a target language, as the naive floor scores them. */
  units(targetLang: string): AsyncIterable<ScoreUnit>;
  /** Deletes the database (unless kept). */
  drop(keep: boolean): Promise<void>;
  /**
   * CPU time the database server has used so far, ms, for a server in processes of its own
   * (PostgreSQL); null for SQLite, whose work is the benchmark process's own CPU time.
   */
  serverCpuMs(): number | null;
}

const UNIT_COLUMNS = `"source", "target", "status", "prevHash", "nextHash", "originDocumentId"`;

function sqliteDb(dir: string): TmBenchDb {
  const file = path.join(dir, "tm.db");
  return {
    url: `file:${file}`,
    async sizeMb() {
      return statSync(file).size / 1e6;
    },
    async *units(targetLang) {
      const raw = new Database(file, { readonly: true });
      try {
        yield* raw
          .prepare(`SELECT ${UNIT_COLUMNS} FROM MemoryUnit WHERE targetLang = ?`)
          .iterate(targetLang) as Iterable<ScoreUnit>;
      } finally {
        raw.close();
      }
    },
    serverCpuMs: () => null,
    async drop(keep) {
      // BENCH_TM_KEEP=1 keeps the file (bench/out/tm-<size>/tm.db) to look into.
      if (!keep) for (const end of ["", "-wal", "-shm"]) rmSync(`${file}${end}`, { force: true });
    },
  };
}

/** Rows of the naive floor read at a time from PostgreSQL (by id, so each page is an index range). */
const PG_PAGE = 20_000;

async function postgresDb(cluster: PgCluster, name: string): Promise<TmBenchDb> {
  const admin = async <T>(work: (c: pg.Client) => Promise<T>, database = "postgres") => {
    const client = new pg.Client({ connectionString: cluster.urlOf(database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: cluster.urlOf(name),
    sizeMb: () =>
      admin(
        async (c) => Number((await c.query("SELECT pg_database_size(current_database()) AS n")).rows[0].n) / 1e6,
        name,
      ),
    async *units(targetLang) {
      const client = new pg.Client({ connectionString: cluster.urlOf(name) });
      await client.connect();
      try {
        for (let after = 0; ; ) {
          const { rows } = await client.query(
            `SELECT "id", ${UNIT_COLUMNS} FROM "MemoryUnit" WHERE "targetLang" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${PG_PAGE}`,
            [targetLang, after],
          );
          yield* rows as ScoreUnit[];
          if (rows.length < PG_PAGE) break;
          after = rows[rows.length - 1].id;
        }
      } finally {
        await client.end();
      }
    },
    async drop(keep) {
      if (!keep) await admin((c) => c.query(`DROP DATABASE ${name}`));
    },
    serverCpuMs: () => clusterCpuMs(cluster.dataDir),
  };
}

/** A clock tick of /proc/<pid>/stat's times (USER_HZ is 100 on Linux). */
const TICK_MS = 10;

/**
 * The CPU time (user + system) of the cluster's server process and its children (the backends of
 * open connections, autovacuum, the checkpointer…), from /proc: what the database did for the
 * benchmark, however long the machine's other work made it wait. Backends that have exited are not
 * counted (the lookups' connections stay open throughout).
 */
function clusterCpuMs(dataDir: string): number | null {
  let postmaster: string;
  try {
    postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0].trim();
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces): state, ppid, … utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (pid === postmaster || fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

/**
 * Makes the databases of one kind, a new one per size (in `dir`, for SQLite); stop() when the run is
 * over. Kept (BENCH_TM_KEEP), the PostgreSQL cluster keeps running and stop() says how to stop it.
 */
export async function tmDatabases(kind: TmDbKind, keep: boolean) {
  const cluster = kind === "postgres" ? await startPgCluster({ durable: true, keep }) : null;
  return {
    /** A new, empty database for one size (not yet migrated). */
    create: (size: number, dir: string): Promise<TmBenchDb> =>
      cluster ? postgresDb(cluster, `tm_${size}`) : Promise.resolve(sqliteDb(dir)),
    stop() {
      if (cluster && keep)
        console.log(`PostgreSQL kept: ${cluster.urlOf("tm_<size>")}; stop it with: ${cluster.stopCommand}`);
      cluster?.stop();
    },
  };
}
