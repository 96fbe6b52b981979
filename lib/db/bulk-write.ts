// Many rows in one statement: the rows travel as one JSON text that SQLite unpacks itself
// (json_each), instead of thousands of bound values (Prisma's createMany sends a statement per row,
// and a multi-row VALUES list costs Prisma more to pass on than SQLite takes to write it). An import
// or a replace writes a whole document this way inside one short transaction: the write lock is held
// for what SQLite needs, no more (bench/save-wait.ts). PostgreSQL will unpack the same JSON with
// json_array_elements; only this file has to know.
import { Prisma } from "./client";

interface Client {
  $executeRaw: (query: Prisma.Sql) => Promise<number>;
  $queryRaw: <T>(query: Prisma.Sql) => Promise<T>;
}
export type Value = string | number | boolean | Date | null;

/** Rows a statement: big enough that statements are few, small enough to keep each JSON text modest. */
const CHUNK = 5_000;

const quoted = (name: string) => `"${name}"`;
// As Prisma's SQLite adapter writes a DateTime, so that stored dates compare and sort alike.
const stored = (value: Value) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);
const json = (rows: Value[][]) => JSON.stringify(rows.map((row) => row.map(stored)));
const fields = (count: number) => Array.from({ length: count }, (_, i) => `j.value->>${i}`).join(", ");

const AS_J = Prisma.raw(") AS j");

async function inChunks(rows: Value[][], write: (json: string) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(json(rows.slice(i, i + CHUNK)));
}

/** INSERTs rows (each a value per column, in order). */
export async function insertRows(tx: Client, table: string, columns: readonly string[], rows: Value[][]) {
  const head = Prisma.raw(
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) SELECT ${fields(columns.length)} FROM json_each(`,
  );
  await inChunks(rows, (text) => tx.$executeRaw(Prisma.sql`${head}${text}${AS_J}`));
}

/** UPDATEs rows by id: each row is [id, …a value per column]. */
export async function updateRows(tx: Client, table: string, columns: readonly string[], rows: Value[][]) {
  const set = columns.map((c, i) => `${quoted(c)} = j.value->>${i + 1}`).join(", ");
  const sql = Prisma.raw(`UPDATE ${quoted(table)} SET ${set} FROM json_each(`);
  const where = Prisma.raw(`) AS j WHERE ${quoted(table)}."id" = j.value->>0`);
  await inChunks(rows, (text) => tx.$executeRaw(Prisma.sql`${sql}${text}${where}`));
}

/** Of these [id, version] pairs, the ids whose row has another version now, or is gone. */
export async function staleIds(tx: Client, table: string, expected: [string, number][]): Promise<Set<string>> {
  const stale = new Set<string>();
  const sql = Prisma.raw(`SELECT j.value->>0 AS "id" FROM json_each(`);
  const rest = Prisma.raw(
    `) AS j LEFT JOIN ${quoted(table)} t ON t."id" = j.value->>0 WHERE t."version" IS NOT j.value->>1`,
  );
  await inChunks(expected, async (text) => {
    for (const row of await tx.$queryRaw<{ id: string }[]>(Prisma.sql`${sql}${text}${rest}`)) stale.add(row.id);
  });
  return stale;
}
