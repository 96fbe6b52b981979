// npm run db:migrate            apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME  write prisma/sqlite/migrations/<timestamp>_NAME and its PostgreSQL twin
//                               (prisma/postgres/migrations, same name) from the models, then apply
// npm run db:twins              write the PostgreSQL twin of every SQLite migration that has none
// npm run db:status             list applied and pending migrations
import { DatabaseSetupError, migrateDatabase, migrationStatus } from "../lib/db/migrate";
import type { Twin } from "../lib/db/migration-twins";
import { databaseTarget } from "../lib/db/url";

const [command, name] = process.argv.slice(2);

function reportTwins(twins: Twin[]) {
  for (const twin of twins) {
    console.log(`Wrote the PostgreSQL twin of ${twin.name}.`);
    if (twin.handWritten.length === 0) continue;
    console.log(
      `  It needs a hand: the SQLite migration also has statements Prisma does not write (see the TODO at the top of prisma/postgres/migrations/${twin.name}/migration.sql):`,
    );
    for (const statement of twin.handWritten) console.log(`    ${statement}`);
  }
}

async function main() {
  const target = databaseTarget();
  if (command === "deploy") {
    const { applied } = await migrateDatabase(target);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } else if (command === "create") {
    if (!name) throw new Error("Usage: npm run db:migration -- <name>");
    const { createMigrations } = await import("../lib/db/new-migration");
    const { created, twins } = await createMigrations(name, console.log);
    reportTwins(twins);
    if (!created) {
      console.log("The models match the migrations: nothing to create.");
      return;
    }
    console.log(`Created prisma/sqlite/migrations/${created} and prisma/postgres/migrations/${created}.`);
    const { applied } = await migrateDatabase(target);
    if (applied.length) console.log(`Applied to DATABASE_URL: ${applied.join(", ")}`);
  } else if (command === "twins") {
    const { writeTwins } = await import("../lib/db/new-migration");
    const twins = await writeTwins(console.log);
    reportTwins(twins);
    if (twins.length === 0) console.log("Every SQLite migration has its PostgreSQL twin.");
  } else if (command === "status") {
    for (const row of await migrationStatus(target)) console.log(`${row.applied ? "applied" : "pending"}  ${row.name}`);
  } else {
    throw new Error("Usage: tsx scripts/db.ts deploy|create NAME|twins|status");
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error instanceof DatabaseSetupError ? error.message : error.stack);
    process.exit(1);
  },
);
