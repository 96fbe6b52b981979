// npm run db:migrate            apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME  create prisma/<provider>/migrations/<timestamp>_NAME from the models
// npm run db:status             list applied and pending migrations
import { createMigration, DatabaseSetupError, migrateDatabase, migrationStatus } from "../lib/db/migrate";
import { databaseTarget } from "../lib/db/url";

const [command, name] = process.argv.slice(2);

async function main() {
  const target = databaseTarget();
  if (command === "deploy") {
    const { applied } = await migrateDatabase(target);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } else if (command === "create") {
    if (!name) throw new Error("Usage: npm run db:migration -- <name>");
    const created = await createMigration(name, target);
    console.log(created ? `Created and applied ${created}` : "The models match the migrations: nothing to create.");
  } else if (command === "status") {
    for (const row of await migrationStatus(target)) console.log(`${row.applied ? "applied" : "pending"}  ${row.name}`);
  } else {
    throw new Error("Usage: tsx scripts/db.ts deploy|create NAME|status");
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error instanceof DatabaseSetupError ? error.message : error.stack);
    process.exit(1);
  },
);
