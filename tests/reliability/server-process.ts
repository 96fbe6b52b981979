// The production server as `npm start` runs it (scripts/start.ts), in a process group of its own on
// its own SQLite file (or a PostgreSQL database), for the specs that kill it (crash), weigh it (load)
// or run two of it (two-instances). Started after a world script (tests/reliability/crash-world.ts)
// prepared the database; stopped with SIGKILL, as a crash stops it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

export interface ServerWorld {
  projectId: string;
  documentId: string;
  segmentIds: string[];
  owner: string;
  translator: string;
}

/** DATABASE_URL for a SQLite file path or a postgresql:// URL. */
const databaseUrl = (database: string) => (/^postgres(ql)?:\/\//.test(database) ? database : `file:${database}`);

/** Runs a world script (tsx, with `args`) on `database`; answers the JSON of its last line. */
export function runWorldScript<T>(script: string, database: string, args: string[] = []): T {
  const out = execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database) },
  });
  return JSON.parse(out.toString().trim().split("\n").at(-1) ?? "{}") as T;
}

/** Migrates and seeds `file` and returns the people and document of tests/reliability/crash-world.ts. */
export function prepareServerWorld(file: string): ServerWorld {
  return runWorldScript<ServerWorld>("tests/reliability/crash-world.ts", file);
}

export class ServerProcess {
  child: ChildProcess | null = null;
  readonly base: string;

  constructor(
    readonly port: number,
    /** A SQLite file, or a postgresql:// URL. */
    readonly database: string,
    readonly env: Record<string, string> = {},
    /** Where the server's output goes (appended); by default nowhere. */
    readonly logFile?: string,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<ChildProcess> {
    // A server left from an earlier run would answer in this one's place.
    const busy = await fetch(`${this.base}/api/v1/me`).then(
      () => true,
      () => false,
    );
    if (busy) throw new Error(`port ${this.port} is in use (set CRASH_PORT or E2E_PORT to another)`);
    const log = this.logFile ? openSync(this.logFile, "a") : null;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_URL: databaseUrl(this.database),
        NODE_ENV: "production",
        ...this.env,
      },
      stdio: log === null ? "ignore" : ["ignore", log, log],
      detached: true,
    });
    if (log !== null) closeSync(log);
    this.child = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error("the server exited");
      const status = await fetch(`${this.base}/api/v1/me`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 401) return child;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the server did not start");
  }

  kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve();
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGKILL");
    return gone;
  }

  /** The server's resident memory in MB, from /proc (NaN where there is none). */
  rssMb(): number {
    try {
      const status = readFileSync(`/proc/${this.child?.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
    } catch {
      return Number.NaN;
    }
  }
}
