// Every number the benchmark uses, in one place. Every loop below is bounded by a count and a time.
import path from "node:path";

export const ROOT = process.cwd();
export const OUT_DIR = path.join(ROOT, "bench", "out");
export const HOST = "127.0.0.1";

export const APP_PORT = Number(process.env.BENCH_PORT || 3311);
export const BARE_PORT = APP_PORT + 1;

/** The whole run is killed after this, whatever it is doing. */
export const RUN_DEADLINE_MS = 9 * 60_000;

export const DOCUMENT = { paragraphs: 10_000, targetBytes: 1_500_000, seed: 20_251_128 };
export const TARGET_LANGS = ["en", "kk"];
export const OWNER = { email: "bench@parallel.test", name: "Bench Owner", password: "bench-password-1" };

export const PAGE = { navigations: 3, scrollSteps: 20, timeoutMs: 30_000 };

/** One client, one save after another: the baseline for everything else. */
export const SINGLE = { warmup: 100, saves: 400, maxMs: 20_000 };

/** 1,000 editors each saving once every 2 s, at a random phase: ~500 saves/s offered. */
export const OPEN_LOOP = { editors: 1_000, periodMs: 2_000, durationMs: 20_000, maxSockets: 200, lateMs: 10 };

/** 100 clients saving back to back. */
export const CLOSED_LOOP = { clients: 100, warmupMs: 2_000, durationMs: 15_000, maxSaves: 400_000 };

/** In-process timing of the phases of one save (no HTTP), for the diagnosis. */
export const PHASES = { warmup: 50, iterations: 300 };

export const TARGETS = {
  firstEditableMs: 1_000,
  openP50Ms: 10,
  openP99Ms: 50,
  closedRatio: 0.3,
};
