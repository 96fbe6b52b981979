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

/** A query over rows given as a table `j` (columns j.value->>0, ->>1, … : see `rowColumn`), chunk by chunk. */
export async function selectFromRows<T>(
  tx: Client,
  rows: Value[][],
  query: (rowsTable: Prisma.Sql) => Prisma.Sql,
): Promise<T[]> {
  const found: T[] = [];
  await inChunks(rows, async (text) => {
    found.push(...(await tx.$queryRaw<T[]>(query(Prisma.sql`json_each(${text}) AS j`))));
  });
  return found;
}

/** Column `i` of the rows table of selectFromRows. */
export const rowColumn = (i: number) => Prisma.raw(`j.value->>${i}`);
