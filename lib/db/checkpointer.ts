// WAL checkpoints off the event loop. SQLite's own checkpoint runs in the writer's COMMIT once the
// WAL passes 1,000 pages: it copies the WAL into the database file and syncs both, and with
// better-sqlite3 all of that happens on the event loop, so every few seconds of steady saving one
// save (and every request behind it) waited for a checkpoint: the multi-hundred-ms spikes of the
// editor benchmark (bench/, docs/security.md).
// Here the writer does not checkpoint (wal_autocheckpoint only past a hard size, as a bound should
// this fall behind or stop), and a worker thread with a connection of its own runs a PASSIVE
// checkpoint every CHECKPOINT_EVERY_MS: it never waits for a lock nor blocks the writer, and its
// fsyncs stall nobody's request. The writer restarts the WAL from its beginning by itself at its next
// write once everything was copied, so the file stays small. The worker starts only once the WAL
// first grows past SOFT_LIMIT_BYTES: a client that writes little (tests, the command line) never pays
// for a thread. If the worker cannot start or fails, the writer checkpoints by itself as before.

import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Database } from "better-sqlite3";

/** How often the worker checkpoints (a PASSIVE checkpoint with nothing to copy costs next to nothing). */
export const CHECKPOINT_EVERY_MS = 100;
/** About SQLite's own threshold (1,000 pages of 4 KB): below it no checkpoint is needed, nor a thread. */
export const SOFT_LIMIT_BYTES = 4 * 1024 * 1024;
/** Past this the writer checkpoints itself (blocking) whatever the worker does: the WAL's bound. */
export const HARD_LIMIT_PAGES = 16_384;
/** SQLite's default, restored when the worker is gone. */
const SQLITE_DEFAULT_PAGES = 1_000;
const WATCH_EVERY_MS = 1_000;

export interface CheckpointResult {
  /** Pages in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  busy: number;
}

export interface CheckpointerOptions {
  everyMs?: number;
  watchEveryMs?: number;
  softLimitBytes?: number;
  /** Called after each checkpoint that copied something (tests, diagnostics). */
  onCheckpoint?: (result: CheckpointResult) => void;
}

// Plain JavaScript run by the worker (eval: a bundled server has no file of ours to point a Worker at).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// A checkpoint syncs the WAL before copying it and the database file after: never OFF here.
db.pragma("synchronous = FULL");
let last = -1;
let lastError = "";
const timer = setInterval(() => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    if (result.checkpointed > 0 && result.checkpointed !== last) parentPort.postMessage({ result });
    last = result.checkpointed;
    lastError = "";
  } catch (error) {
    // Said once while it lasts (a read-only or full disk fails every tick until it is repaired).
    const message = String(error && error.message ? error.message : error);
    if (message !== lastError) parentPort.postMessage({ error: message });
    lastError = message;
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

function driverPath(): string {
  // Resolved from this module (tsx) or the bundle's copy of it, both under the app's folder.
  try {
    return createRequire(import.meta.url).resolve("better-sqlite3");
  } catch {
    return createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  }
}

export class Checkpointer {
  private worker: Worker | null = null;
  private watch: NodeJS.Timeout | null = null;
  private stopped = false;
  private failed = false;
  private readonly walFile: string;
  private readonly softBytes: number;

  constructor(
    private readonly file: string,
    private writer: Database,
    private readonly options: CheckpointerOptions = {},
  ) {
    this.walFile = `${file}-wal`;
    this.attachWriter(writer);
    this.softBytes = options.softLimitBytes ?? SOFT_LIMIT_BYTES;
    this.watch = setInterval(() => this.startIfGrown(), options.watchEveryMs ?? WATCH_EVERY_MS);
    this.watch.unref();
  }

  /** Leaves checkpoints to the worker on this writer connection (a writer opened again must say so). */
  attachWriter(writer: Database) {
    this.writer = writer;
    // exec, not pragma(): the statement cache (statement-cache.ts) has taken over prepare().
    writer.exec(`PRAGMA wal_autocheckpoint = ${this.failed ? SQLITE_DEFAULT_PAGES : HARD_LIMIT_PAGES}`);
  }

  /** Whether the worker runs (for tests). */
  get running(): boolean {
    return this.worker !== null;
  }

  private startIfGrown() {
    const size = statSync(this.walFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size < this.softBytes) return;
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    this.start();
  }

  private start() {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file: this.file, driver: driverPath(), everyMs: this.options.everyMs ?? CHECKPOINT_EVERY_MS },
      });
    } catch (error) {
      this.fallBack("cannot start", error);
      return;
    }
    worker.unref();
    worker.on("message", (message: { result?: CheckpointResult; error?: string }) => {
      if (message.result) this.options.onCheckpoint?.(message.result);
      else if (message.error) console.error(`checkpointer: ${message.error}`);
    });
    worker.on("error", (error) => this.fallBack("failed", error));
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
  }

  /** The worker is gone: the writer checkpoints by itself again, on the event loop, as before. */
  private fallBack(what: string, error: unknown) {
    this.worker = null;
    this.failed = true;
    if (this.stopped) return;
    console.error(`checkpointer ${what}; the writer checkpoints by itself again:`, error);
    try {
      this.writer.exec(`PRAGMA wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    } catch {
      // the writer is closed already
    }
  }

  /** Stops the worker (before the connections close). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.postMessage("stop");
    await exited;
  }
}
