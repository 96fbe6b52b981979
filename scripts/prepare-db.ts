// Migrates and seeds DATABASE_URL (what `npm start` does before serving), for `npm run dev`.
import { setupCodeLines } from "../lib/auth/setup-code";
import { DatabaseSetupError } from "../lib/db/migrate";
import { prepareDatabase } from "../lib/startup/prepare-database";

prepareDatabase().then(
  ({ applied, seeded, setupCode }) => {
    if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
    if (seeded) console.log("Demo project created.");
    for (const line of setupCodeLines(setupCode, `http://localhost:${process.env.PORT || 3000}`)) console.log(line);
    process.exit(0);
  },
  (error: Error) => {
    console.error(error instanceof DatabaseSetupError ? error.message : error.stack);
    process.exit(1);
  },
);
