// Checkpoints off the event loop (checkpointer.ts), on a real SQLite file in WAL mode: the writer no
// longer checkpoints (only past the hard bound), a worker thread with its own connection copies the
// WAL into the database file once it has grown, and stops with the client.
import { copyFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../../tests/temp-db";
import { Checkpointer, type CheckpointResult, HARD_LIMIT_PAGES } from "./checkpointer";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function walDatabase() {
  const tmp = tempDir();
  const file = path.join(tmp.dir, "wal.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec(`CREATE TABLE "Row" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)`);
  cleanups.push(tmp.cleanup, () => void writer.close());
  return { file, writer, dir: tmp.dir };
}

describe("the checkpointer", () => {
  it("leaves the writer checkpointing only past the hard bound", () => {
    const { file, writer } = walDatabase();
    const checkpointer = new Checkpointer(file, writer);
    cleanups.push(() => checkpointer.stop());
    expect(writer.pragma("wal_autocheckpoint", { simple: true })).toBe(HARD_LIMIT_PAGES);
  });

  it("copies the WAL into the database file from a thread of its own once the WAL has grown", async () => {
    const { file, writer, dir } = walDatabase();
    let checkpointed!: (result: CheckpointResult) => void;
    const first = new Promise<CheckpointResult>((resolve) => {
      checkpointed = resolve;
    });
    const checkpointer = new Checkpointer(file, writer, {
      everyMs: 5,
      watchEveryMs: 5,
      softLimitBytes: 256 * 1024,
      onCheckpoint: (result) => checkpointed(result),
    });
    cleanups.push(() => checkpointer.stop());
    const insert = writer.prepare(`INSERT INTO "Row" ("text") VALUES (?)`);
    // One commit each, as saves are: about 400 KB of WAL, more than SQLite's own threshold would let
    // the writer keep without checkpointing (its 1,000-page default is bypassed here).
    for (let i = 0; i < 100; i++) insert.run(`row ${i} ${"ж".repeat(2_000)}`);
    const result = await first;
    expect(checkpointer.running).toBe(true);
    expect(result.checkpointed).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);

    // The database file alone (no WAL beside it) now holds every row: the copy is in it.
    const copy = path.join(dir, "copy.db");
    copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    cleanups.push(() => void alone.close());
    expect(alone.prepare(`SELECT count(*) FROM "Row"`).pluck().get()).toBe(100);

    // The next write starts the WAL again from its beginning: it does not grow without bound.
    insert.run("after the checkpoint");
    const [frames] = writer.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[];
    expect(frames.log).toBeLessThan(result.log);

    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
  });
});
