// Migrates and seeds DATABASE_URL (what `npm start` does before serving).
import { DatabaseSetupError } from "../lib/db/migrate";
import { prepareDatabase } from "../lib/db/prepare";

prepareDatabase().then(
  ({ applied, seeded }) => {
    if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
    if (seeded) console.log("Demo project created.");
    process.exit(0);
  },
  (error: Error) => {
    console.error(error instanceof DatabaseSetupError ? error.message : error.stack);
    process.exit(1);
  },
);
