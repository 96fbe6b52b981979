// What a database holds beyond Prisma's models, asked through the app's own client on either
// provider: the triggers on a table (the revision triggers, the memory's index triggers).
import { type Db, providerOf } from "../lib/db/client";

/** The names of the triggers on `table`, sorted. */
export async function triggersOn(db: Db, table: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    providerOf(db) === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
      : `SELECT tgname AS name FROM pg_trigger WHERE tgrelid = to_regclass(quote_ident($1)) AND NOT tgisinternal`,
    table,
  );
  return rows.map((r) => r.name).sort();
}
