// A throwaway PostgreSQL cluster from the installed server binaries, for the tests, the benchmark
// and `npm run db:migration` (which needs a PostgreSQL to diff against). It lives in a temp folder,
// listens on 127.0.0.1 only (a spare port), trusts local connections, and is deleted when stopped.
// PostgreSQL refuses to run as root, so under root it runs as the `postgres` user. The cluster is
// created with a UTF-8 locale: with LC_CTYPE=C pg_trgm treats Cyrillic letters as non-word
// characters and finds nothing in Ukrainian or Kazakh text.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PgCluster {
  /** postgresql://postgres@127.0.0.1:PORT/postgres: the superuser, on the maintenance database. */
  url: string;
  port: number;
  /** The URL of another database of this cluster. */
  urlOf(database: string): string;
  /** Stops the server (fast) and deletes its folder; safe to call twice. Does nothing for a kept cluster. */
  stop(): void;
  /** A shell command that stops the server and deletes its folder (for a kept cluster). */
  stopCommand: string;
  /** The data folder (its postmaster.pid names the server's process). */
  dataDir: string;
}

export interface ClusterOptions {
  /** Keep fsync and full-page writes (a benchmark); by default a test cluster skips them for speed. */
  durable?: boolean;
  /** Where the data folder goes (default: the system temp folder). */
  parentDir?: string;
  /**
   * Leave the server running, and its folder, when stopped and when this process exits: a benchmark's
   * database kept to look into (BENCH_TM_KEEP); whoever kept it runs `stopCommand` afterwards.
   */
  keep?: boolean;
}

/** The folder holding initdb/pg_ctl: on PATH, else the newest /usr/lib/postgresql/<v>/bin (Debian). */
export function findPgBin(): string {
  const onPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  const candidates = [
    ...(onPath ? [path.dirname(onPath)] : []),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin: install them (Debian: apt-get install -y postgresql).",
    );
  }
  return found;
}

/**
 * Why the tests that need PostgreSQL cannot run here, or null when they can: PARALLEL_TEST_POSTGRES=skip,
 * or no server binaries. Under CI (.ci/run installs them) missing binaries throw instead: a pass that
 * silently tested nothing would look green.
 */
export function postgresTestsSkipped(): string | null {
  if (process.env.PARALLEL_TEST_POSTGRES === "skip") return "PARALLEL_TEST_POSTGRES=skip";
  try {
    findPgBin();
    return null;
  } catch (error) {
    if (process.env.CI) throw error;
    return (error as Error).message;
  }
}

/** Whether a stage needing PostgreSQL runs; when it cannot for want of binaries, says so (`what` skipped). */
export function postgresStageRuns(what: string): boolean {
  const skipped = postgresTestsSkipped();
  if (skipped && skipped !== "PARALLEL_TEST_POSTGRES=skip") console.warn(`\n! ${what} skipped: ${skipped}`);
  return skipped === null;
}

/** PARALLEL_PG_PORTS="55400-55449" picks ports from that range; otherwise the system picks one. */
async function sparePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.PARALLEL_PG_PORTS ?? "");
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(null));
      probe.listen(port, "127.0.0.1", () => {
        const got = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(got));
      });
    });
  if (!range) {
    const port = await tryPort(0);
    if (port) return port;
  } else {
    const [from, to] = [Number(range[1]), Number(range[2])];
    // Start at a random place in the range, so parallel runs seldom race for the same port.
    const offset = Math.floor(Math.random() * (to - from + 1));
    for (let i = 0; i <= to - from; i++) {
      const port = from + ((offset + i) % (to - from + 1));
      if (await tryPort(port)) return port;
    }
  }
  throw new Error(`no free port for PostgreSQL${range ? ` in ${range[0]}` : ""}`);
}

const asRoot = () => process.getuid?.() === 0;

/** The uid/gid to run the server as: `postgres` under root, else ourselves. */
function serverUser(): { uid: number; gid: number } | null {
  if (!asRoot()) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("PostgreSQL cannot run as root and there is no `postgres` user to run it as.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** A UTF-8 locale the machine has (C.UTF-8 exists on every current glibc). */
function utf8Locale(): string {
  const locales = spawnSync("locale", ["-a"], { encoding: "utf8" }).stdout?.split("\n") ?? [];
  return locales.find((l) => /^c\.utf-?8$/i.test(l)) ?? locales.find((l) => /utf-?8$/i.test(l)) ?? "C.UTF-8";
}

/** Starts a new cluster; the caller must call stop() (it is also stopped when this process exits). */
export async function startPgCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const user = serverUser();
  const dir = mkdtempSync(path.join(options.parentDir ?? tmpdir(), "parallel-pg-"));
  const data = path.join(dir, "data");
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(path.join(bin, tool), args, {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: utf8Locale(), LANG: utf8Locale() },
      ...(user ?? {}),
    });
  let started = false;
  const pgCtl = path.join(bin, "pg_ctl");
  const stopCommand = `${user ? `su postgres -c '${pgCtl} -D ${data} -m fast stop'` : `${pgCtl} -D ${data} -m fast stop`} && rm -rf ${dir}`;
  const cleanup = () => {
    if (options.keep && started) return;
    if (started) {
      started = false;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.removeListener("exit", cleanup);
  };
  process.on("exit", cleanup);
  try {
    const locale = utf8Locale();
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", `--locale=${locale}`, "--no-sync"]);
    const settings = [
      "listen_addresses=127.0.0.1",
      `unix_socket_directories=${dir}`,
      "max_connections=200",
      ...(options.durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
    ];
    // The port is chosen just before the start; another process may take it meanwhile: try again.
    for (let attempt = 0; ; attempt++) {
      const port = await sparePort();
      const opts = [`-p ${port}`, ...settings.map((s) => `-c ${s}`)].join(" ");
      try {
        run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
      } catch (error) {
        if (attempt < 3 && /could not bind|address already in use/i.test(readLog(dir))) continue;
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${readLog(dir)}`);
      }
      started = true;
      const urlOf = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
      return { url: urlOf("postgres"), port, urlOf, stop: cleanup, stopCommand, dataDir: data };
    }
  } catch (error) {
    cleanup();
    throw error;
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, "server.log"), "utf8").slice(-2_000);
  } catch {
    return "";
  }
}
