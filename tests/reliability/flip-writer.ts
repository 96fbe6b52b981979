// `node --import tsx tests/reliability/flip-writer.ts <file> <first n>`: commits rows into the SQLite
// file through the application's client (lib/db/client.ts: its adapter, its writer) as fast as it
// can, and prints `ack <n>` on stdout once a commit was answered, `refused <n> <storage|other>` when
// it was not. Odd rows are a statement of their own, even ones a transaction of two rows (the
// transaction's COMMIT). For tests/reliability/flip.test.ts, which makes the file's disk fail
// under it and then looks for every acknowledged row.
import { writeSync } from "node:fs";
import { openDb } from "../../lib/db/client";
import { isStorageUnavailable } from "../../lib/db/errors";

const [file, first] = process.argv.slice(2);
const db = openDb(`file:${file}`);
await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
await db.$executeRawUnsafe(
  "CREATE TABLE IF NOT EXISTS FlipRow (n INTEGER NOT NULL, part INTEGER NOT NULL, pad TEXT NOT NULL, PRIMARY KEY (n, part))",
);
const pad = "ж".repeat(600);
writeSync(1, "ready\n");
for (let n = Number(first); ; n++) {
  try {
    if (n % 2) await db.$executeRaw`INSERT INTO FlipRow (n, part, pad) VALUES (${n}, 0, ${pad})`;
    else
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO FlipRow (n, part, pad) VALUES (${n}, 0, ${pad})`;
        await tx.$executeRaw`INSERT INTO FlipRow (n, part, pad) VALUES (${n}, 1, ${pad})`;
      });
    writeSync(1, `ack ${n}\n`);
  } catch (error) {
    writeSync(1, `refused ${n} ${isStorageUnavailable(error) ? "storage" : "other"}\n`);
    // A refused write is tried again later, as the editor's outbox does.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
