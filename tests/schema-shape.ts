// A database's schema as the two providers can agree on it: each table's columns (kind and
// nullability), primary key, indexes (name, columns, unique), foreign keys, and triggers (by name).
// Kinds are Prisma's (text, int, bigint, float, bool, datetime, bytes): SQLite's DATETIME and PostgreSQL's
// timestamp(3) are both a DateTime. Used by the drift test (lib/db/schema-drift.test.ts).
import Database from "better-sqlite3";
import pg from "pg";
import { EXTERNAL_TABLES, POSTGRES_EXTERNAL_TABLES } from "../lib/db/migrations-dir";

export interface TableShape {
  columns: Record<string, { kind: string; nullable: boolean }>;
  primaryKey: string[];
  indexes: Record<string, { unique: boolean; columns: string[] }>;
  foreignKeys: string[];
  triggers: string[];
}
export type SchemaShape = Record<string, TableShape>;

const SQLITE_KINDS: Record<string, string> = {
  TEXT: "text",
  INTEGER: "int",
  BIGINT: "bigint",
  REAL: "float",
  BOOLEAN: "bool",
  BLOB: "bytes",
  DATETIME: "datetime",
};
const PG_KINDS: Record<string, string> = {
  text: "text",
  integer: "int",
  bigint: "bigint",
  "double precision": "float",
  boolean: "bool",
  bytea: "bytes",
  "timestamp without time zone": "datetime",
};

const sorted = <T>(record: Record<string, T>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Foreign keys as one line each: columns → table(columns), what a delete does. */
const fk = (from: string[], table: string, to: string[], onDelete: string) =>
  `(${from.join(",")}) -> ${table}(${to.join(",")}) on delete ${onDelete.toLowerCase().replace(/_/g, " ")}`;

/** `skip`: tables made by hand for one provider only (the memory's FTS5 indexes on SQLite). */
export function sqliteShape(file: string, skip: (table: string) => boolean = () => false): SchemaShape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
        )
        .all() as { name: string }[]
    )
      .map((r) => r.name)
      .filter((t) => !skip(t));
    const shape: SchemaShape = {};
    for (const table of tables) {
      const info = db.pragma(`table_info("${table}")`) as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      const indexes: TableShape["indexes"] = {};
      for (const ix of db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[]) {
        if (ix.origin === "pk") continue;
        const columns = (db.pragma(`index_info("${ix.name}")`) as { name: string }[]).map((c) => c.name);
        indexes[ix.name] = { unique: ix.unique === 1, columns };
      }
      const fks = new Map<number, { table: string; from: string[]; to: string[]; onDelete: string }>();
      for (const row of db.pragma(`foreign_key_list("${table}")`) as {
        id: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[]) {
        const entry = fks.get(row.id) ?? { table: row.table, from: [], to: [], onDelete: row.on_delete };
        entry.from.push(row.from);
        entry.to.push(row.to);
        fks.set(row.id, entry);
      }
      const triggers = db
        .prepare("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name = ?")
        .pluck()
        .all(table) as string[];
      shape[table] = {
        columns: sorted(
          Object.fromEntries(
            info.map((c) => [
              c.name,
              { kind: SQLITE_KINDS[c.type.toUpperCase()] ?? c.type, nullable: !c.notnull && !c.pk },
            ]),
          ),
        ),
        primaryKey: info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        indexes: sorted(indexes),
        foreignKeys: [...fks.values()].map((f) => fk(f.from, f.table, f.to, f.onDelete)).sort(),
        triggers: triggers.sort(),
      };
    }
    return sorted(shape);
  } finally {
    db.close();
  }
}

export async function postgresShape(url: string, skip: (table: string) => boolean = () => false): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const tables = (
      await q<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'",
      )
    )
      .map((r) => r.name)
      .filter((t) => !skip(t));
    const columns = await q<{ table: string; name: string; type: string; nullable: string }>(
      "SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = current_schema()",
    );
    const indexes = await q<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = current_schema()`,
    );
    const fks = await q<{ table: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
        WHERE c.contype = 'f' AND s.nspname = current_schema()`,
    );
    const triggers = await q<{ table: string; name: string }>(
      `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace s ON s.oid = c.relnamespace WHERE NOT t.tgisinternal AND s.nspname = current_schema()`,
    );
    const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1");
    const list = (text: string) => text.split(",").map((s) => unquote(s.trim()));
    const shape: SchemaShape = {};
    for (const table of tables) {
      const primary = indexes.find((ix) => ix.table === table && ix.primary);
      shape[table] = {
        columns: sorted(
          Object.fromEntries(
            columns
              .filter((c) => c.table === table)
              .map((c) => [c.name, { kind: PG_KINDS[c.type] ?? c.type, nullable: c.nullable === "YES" }]),
          ),
        ),
        primaryKey: primary?.columns ?? [],
        indexes: sorted(
          Object.fromEntries(
            indexes
              .filter((ix) => ix.table === table && !ix.primary)
              .map((ix) => [ix.name, { unique: ix.unique, columns: ix.columns }]),
          ),
        ),
        foreignKeys: fks
          .filter((f) => unquote(f.table) === table)
          .map((f) => {
            const m =
              /FOREIGN KEY \(([^)]*)\) REFERENCES ([^(]+)\(([^)]*)\)(?:.*ON DELETE (SET NULL|CASCADE|RESTRICT|SET DEFAULT))?/.exec(
                f.def,
              );
            if (!m) return f.def;
            return fk(list(m[1]), unquote(m[2]), list(m[3]), m[4] ?? "NO ACTION");
          })
          .sort(),
        triggers: triggers
          .filter((t) => t.table === table)
          .map((t) => t.name)
          .sort(),
      };
    }
    return sorted(shape);
  } finally {
    await client.end();
  }
}

/**
 * The memory's text index is each provider's own by design (FTS5 tables and their triggers on
 * SQLite; a words table, pg_trgm indexes and statement triggers on PostgreSQL: migration memory_fts),
 * with tests of its own (lib/tm/fts.test.ts, lib/tm/pg-index.test.ts). `memoryTextIndex` says which
 * tables are its; withoutMemoryTextIndex drops its indexes and triggers on "MemoryUnit".
 */
export const memoryTextIndex = (table: string) =>
  EXTERNAL_TABLES.includes(table) || POSTGRES_EXTERNAL_TABLES.includes(table);

export function withoutMemoryTextIndex(shape: SchemaShape): SchemaShape {
  return Object.fromEntries(
    Object.entries(shape).map(([table, s]) => [
      table,
      {
        ...s,
        indexes: Object.fromEntries(Object.entries(s.indexes).filter(([name]) => !name.endsWith("_trgm"))),
        triggers: s.triggers.filter((name) => !name.startsWith("MemoryUnit_fts_")),
      },
    ]),
  );
}
