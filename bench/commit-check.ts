// npm run bench:commit-check: what the filesystem check after each SQLite commit costs
// (lib/db/fs-check.ts, issue 18: ext4 can answer fsync() with success for a commit it drops while it
// turns read-only, so the writer confirms each commit with a journaled change of its own). Commits
// single-row INSERTs on a file in the temporary folder (BENCH_DIR: another filesystem), WAL and
// synchronous = FULL as the application's writer does, without and with the check, in alternating
// rounds; prints commits per second and the time per commit of each, and of the check alone.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { FilesystemCheck } from "../lib/db/fs-check";
import { formatText, int, ms, perSec, Table } from "./report";

const COMMITS = Number(process.env.BENCH_COMMITS || 2_000);
const ROUNDS = 3;

const dir = mkdtempSync(path.join(process.env.BENCH_DIR || os.tmpdir(), "parallel-commit-check-"));
try {
  const file = path.join(dir, "bench.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO t (text) VALUES (?)");
  const check = new FilesystemCheck(file);
  const text = "Переклад абзацу, збережений знову. ".repeat(8);

  const run = (checked: boolean) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < COMMITS; i++) {
      insert.run(text);
      if (checked) check.run();
    }
    return Number(process.hrtime.bigint() - started) / 1e6 / COMMITS;
  };
  const plain: number[] = [];
  const checked: number[] = [];
  run(false); // warm-up: the WAL grows to its size
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(run(false));
    checked.push(run(true));
  }
  const started = process.hrtime.bigint();
  for (let i = 0; i < COMMITS; i++) check.run();
  const alone = Number(process.hrtime.bigint() - started) / 1e6 / COMMITS;
  check.close();
  db.close();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const table = new Table();
  table.begin(`${int(COMMITS)} commits × ${ROUNDS} rounds, ${dir}`);
  table.info("commit (fsync), no check", `${ms(median(plain))} · ${perSec(1000 / median(plain))}`);
  table.info("commit (fsync) + check", `${ms(median(checked))} · ${perSec(1000 / median(checked))}`);
  table.info("check alone", ms(alone));
  console.log(formatText(table));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
