// A throwaway PostgreSQL cluster for tests and benchmarks, from the server binaries on PATH
// (initdb, pg_ctl): a fresh data folder, UTF-8 (C.UTF-8: Cyrillic sorts and folds, and pg_trgm
// indexes it), trust authentication on 127.0.0.1 and a socket in the folder only, a spare port, and
// gone again when stopped. PostgreSQL refuses to run as root: when we are root, the server runs as
// the `postgres` user (runuser). Ports come from PARALLEL_PG_PORTS ("55450-55499") when set, so
// engineers sharing a machine keep to their own range; otherwise any free port.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export interface PostgresCluster {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  /** A URL of another database on the same cluster (createDatabase first). */
  urlOf(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Whether this machine can start a cluster (the binaries are there). */
export function postgresAvailable(): boolean {
  return spawnSync("initdb", ["--version"], { stdio: "ignore" }).status === 0;
}

function asServerUser(command: string, args: string[], options: { cwd?: string } = {}) {
  const root = userInfo().uid === 0;
  const [file, argv] = root ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(file, argv, { stdio: "pipe", encoding: "utf8", cwd: options.cwd ?? tmpdir() });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function sparePort(): Promise<number> {
  const range = process.env.PARALLEL_PG_PORTS?.match(/^(\d+)-(\d+)$/);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    // Start somewhere in the range so two test files starting together rarely race for one port.
    const offset = Math.floor(Math.random() * (to - from + 1));
    for (let i = 0; i <= to - from; i++) {
      const port = from + ((offset + i) % (to - from + 1));
      if (await portIsFree(port)) return port;
    }
    throw new Error(`no free port in PARALLEL_PG_PORTS=${process.env.PARALLEL_PG_PORTS}`);
  }
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startPostgres(options: { database?: string } = {}): Promise<PostgresCluster> {
  const database = options.database ?? "parallel_test";
  const dir = mkdtempSync(path.join(tmpdir(), "parallel-pg-"));
  const data = path.join(dir, "data");
  if (userInfo().uid === 0) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  asServerUser("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await sparePort();
    try {
      asServerUser("pg_ctl", [
        "-D",
        data,
        "-l",
        path.join(dir, "server.log"),
        "-w",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`,
        "start",
      ]);
      break;
    } catch (error) {
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const urlOf = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  let stopped = false;
  const cluster: PostgresCluster = {
    url: urlOf(database),
    port,
    urlOf,
    async createDatabase(name) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: urlOf("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}" TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        asServerUser("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  await cluster.createDatabase(database);
  return cluster;
}
