// A child of bench/pg.ts: sets up one benchmark database (setup-db.ts reads DATABASE_URL into the
// process-wide client, so each database gets its own process) and prints its BenchData as JSON.
//   tsx bench/pg-setup.ts <databaseUrl | sqlite file name> <paragraphs>
import { setupDatabase } from "./setup-db";

const [where, paragraphs] = process.argv.slice(2);
const data = await setupDatabase(
  where.startsWith("postgresql:")
    ? { databaseUrl: where, paragraphs: Number(paragraphs) }
    : { file: where, paragraphs: Number(paragraphs) },
);
console.log(`BENCH_DATA ${JSON.stringify(data)}`);
process.exit(0);
