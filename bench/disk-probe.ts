// The disk under the benchmark's database: how long an fsync after a one-page append takes, which is
// what every durable commit waits for (the writer runs synchronous = FULL). On a shared machine it
// moves with other processes' writes more than anything else does, so the table shows it beside the
// save latencies: a save's p99 cannot be below the disk's.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { type Summary, summarize } from "./stats";

/** `count` appends of 4 KB, each synced before the next, for at most `maxMs`. */
export function measureFsync(dir: string, count = 200, maxMs = 3_000): Summary {
  const file = path.join(dir, "fsync-probe");
  const fd = openSync(file, "w");
  const page = Buffer.alloc(4096, 1);
  const times: number[] = [];
  const until = performance.now() + maxMs;
  try {
    for (let i = 0; i < count && performance.now() < until; i++) {
      writeSync(fd, page);
      const start = performance.now();
      fsyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return summarize(times);
}
