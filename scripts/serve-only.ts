// Serves an existing build without migrating, seeding or building (benchmarks, process managers that
// run `npm run db:migrate` themselves). PORT as for npm start; PARALLEL_APP_DIR: the folder with .next.
import "../lib/server/production-env";
import { serve } from "../lib/server/serve";

await serve(Number(process.env.PORT || 3000), process.env.PARALLEL_APP_DIR || process.cwd());
