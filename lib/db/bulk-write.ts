// Many rows in one statement: the rows travel as one JSON text that the database unpacks itself,
// instead of thousands of bound values (Prisma's createMany sends a statement per row, and a
// multi-row VALUES list costs Prisma more to pass on than the database takes to write it). An import
// or a replace writes a whole document this way inside one short transaction: the write lock is held
// for what the database needs, no more (bench/save-wait.ts).
// SQLite unpacks arrays with json_each (a value's JSON type is its SQL type); PostgreSQL unpacks
// objects into the table's own row type (json_populate_recordset), so every value arrives typed as
// its column is. Only this file knows the difference.
import { Prisma, providerOf } from "./client";

interface Client {
  $executeRaw: (query: Prisma.Sql) => Promise<number>;
  $queryRaw: <T>(query: Prisma.Sql) => Promise<T>;
}
export type Value = string | number | boolean | Date | null;

/** Rows a statement: big enough that statements are few, small enough to keep each JSON text modest. */
const CHUNK = 5_000;

const quoted = (name: string) => `"${name}"`;
// As Prisma's SQLite adapter writes a DateTime, so that stored dates compare and sort alike.
// PostgreSQL's timestamp(3) reads the same text (UTC; the offset is ignored for a timestamp without zone).
const stored = (value: Value) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);
const asArrays = (rows: Value[][]) => JSON.stringify(rows.map((row) => row.map(stored)));
const asObjects = (columns: readonly string[], rows: Value[][]) =>
  JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, stored(row[i])]))));
const fields = (count: number) => Array.from({ length: count }, (_, i) => `j.value->>${i}`).join(", ");

async function inChunks(rows: Value[][], write: (chunk: Value[][]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** The rows of `table` (a value per column each) as a PostgreSQL table `j` with the table's column types. */
const pgRows = (table: string, json: string) =>
  Prisma.sql`json_populate_recordset(NULL::${Prisma.raw(quoted(table))}, ${json}::json) AS j`;

/** INSERTs rows (each a value per column, in order). */
export async function insertRows(tx: Client, table: string, columns: readonly string[], rows: Value[][]) {
  const names = columns.map(quoted).join(", ");
  if (providerOf(tx) === "postgres") {
    const head = Prisma.raw(
      `INSERT INTO ${quoted(table)} (${names}) SELECT ${columns.map((c) => `j.${quoted(c)}`).join(", ")} FROM `,
    );
    await inChunks(rows, (chunk) => tx.$executeRaw(Prisma.sql`${head}${pgRows(table, asObjects(columns, chunk))}`));
    return;
  }
  const head = Prisma.raw(`INSERT INTO ${quoted(table)} (${names}) SELECT ${fields(columns.length)} FROM json_each(`);
  await inChunks(rows, (chunk) => tx.$executeRaw(Prisma.sql`${head}${asArrays(chunk)}${Prisma.raw(") AS j")}`));
}

/** UPDATEs rows by id: each row is [id, …a value per column]. */
export async function updateRows(tx: Client, table: string, columns: readonly string[], rows: Value[][]) {
  if (providerOf(tx) === "postgres") {
    const set = columns.map((c) => `${quoted(c)} = j.${quoted(c)}`).join(", ");
    const head = Prisma.raw(`UPDATE ${quoted(table)} SET ${set} FROM `);
    const where = Prisma.raw(` WHERE ${quoted(table)}."id" = j."id"`);
    await inChunks(rows, (chunk) =>
      tx.$executeRaw(Prisma.sql`${head}${pgRows(table, asObjects(["id", ...columns], chunk))}${where}`),
    );
    return;
  }
  const set = columns.map((c, i) => `${quoted(c)} = j.value->>${i + 1}`).join(", ");
  const sql = Prisma.raw(`UPDATE ${quoted(table)} SET ${set} FROM json_each(`);
  const where = Prisma.raw(`) AS j WHERE ${quoted(table)}."id" = j.value->>0`);
  await inChunks(rows, (chunk) => tx.$executeRaw(Prisma.sql`${sql}${asArrays(chunk)}${where}`));
}

/** The rows of selectFromRows as a table: `table` to put in FROM, a column as text or as an integer. */
export interface RowsTable {
  table: Prisma.Sql;
  text(i: number): Prisma.Sql;
  int(i: number): Prisma.Sql;
}

const SQLITE_ROWS = {
  text: (i: number) => Prisma.raw(`j.value->>${i}`),
  int: (i: number) => Prisma.raw(`j.value->>${i}`),
};
const PG_ROWS = {
  text: (i: number) => Prisma.raw(`(j.value->>${i})`),
  int: (i: number) => Prisma.raw(`(j.value->>${i})::integer`),
};

/** A query over rows given as a table (see RowsTable), chunk by chunk. */
export async function selectFromRows<T>(
  tx: Client,
  rows: Value[][],
  query: (rows: RowsTable) => Prisma.Sql,
): Promise<T[]> {
  const postgres = providerOf(tx) === "postgres";
  const found: T[] = [];
  await inChunks(rows, async (chunk) => {
    const json = asArrays(chunk);
    const table = postgres
      ? Prisma.sql`json_array_elements(${json}::json) AS j(value)`
      : Prisma.sql`json_each(${json}) AS j`;
    found.push(...(await tx.$queryRaw<T[]>(query({ table, ...(postgres ? PG_ROWS : SQLITE_ROWS) }))));
  });
  return found;
}
