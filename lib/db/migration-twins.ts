// The PostgreSQL twin of a SQLite migration that has none (one made before PostgreSQL existed, or on
// a branch that only wrote SQLite's): the schema SQLite has after that migration is read back
// (introspected) from a scratch file, and PostgreSQL's migration is the diff from its own history to
// that schema (its twins older than that migration only: see postgresDiff). Statements Prisma does not write (triggers, virtual tables, data updates) cannot be
// read back: the twin says so at its top, and whoever runs this writes their PostgreSQL form.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ensureLockFile, writeMigration } from "./migrate";
import { pgMigrationFactory } from "./migrate-postgres";
import { prepareSqliteFile, sqliteMigrationFactory } from "./migrate-sqlite";
import { EXTERNAL_TABLES, readMigrationList, schemaFilters } from "./migrations-dir";
import { openSchemaEngine } from "./schema-engine";

export interface Twin {
  name: string;
  /** Hand-written SQLite statements the twin does not carry (their first line each). */
  handWritten: string[];
}

/** Statements a SQLite migration may hold that Prisma's diff never writes. */
const HAND_WRITTEN = [
  /^\s*CREATE\s+TRIGGER\b/i,
  /^\s*CREATE\s+VIRTUAL\s+TABLE\b/i,
  /^\s*CREATE\s+VIEW\b/i,
  /^\s*UPDATE\b/i,
  /^\s*DELETE\b/i,
  /^\s*INSERT\s+INTO\s+"(?!new_)/i,
  /\bRENAME\s+COLUMN\b/i,
];

/** The hand-written statements of a SQLite migration script (first line of each). */
export function handWrittenStatements(script: string): string[] {
  const withoutComments = script.replace(/--[^\n]*/g, "");
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s && HAND_WRITTEN.some((re) => re.test(s)))
    .map((s) => s.split("\n")[0]);
}

/** The SQLite migrations (in order) that prisma/postgres/migrations has no folder of the same name for. */
export async function missingTwins(sqliteDir: string, postgresDir: string): Promise<string[]> {
  const have = new Set((await readMigrationList(postgresDir)).migrationDirectories.map((d) => d.path));
  return (await readMigrationList(sqliteDir)).migrationDirectories.map((d) => d.path).filter((n) => !have.has(n));
}

const asPostgres = (schema: string) => schema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');

/**
 * The introspected schema without SQLite's external tables (the memory's FTS5 tables and what SQLite
 * keeps for each): introspection reads them back as models of untyped columns, which PostgreSQL's
 * diff would turn into CREATE TABLEs it cannot run. PostgreSQL has its own index (memory_fts there).
 */
export function withoutExternalModels(schema: string): string {
  const external = new Set(EXTERNAL_TABLES);
  return schema.replace(/^model\s+(\w+)\s*\{[^}]*\}\n*/gm, (block, name: string) => {
    const mapped = /@@map\("([^"]+)"\)/.exec(block)?.[1] ?? name;
    return external.has(mapped) ? "" : block;
  });
}

/**
 * Writes the PostgreSQL twin of every SQLite migration without one, in order. `pgUrl` is a
 * PostgreSQL server where scratch databases may be made; `scratchFile` a SQLite path to use.
 */
export async function writeMissingTwins(opts: {
  sqliteDir: string;
  postgresDir: string;
  pgUrl: string;
  scratchFile: string;
}): Promise<Twin[]> {
  const missing = await missingTwins(opts.sqliteDir, opts.postgresDir);
  if (missing.length === 0) return [];
  await ensureLockFile(opts.postgresDir, "postgres");
  const sqliteList = await readMigrationList(opts.sqliteDir);
  const header = [["schema.prisma", 'datasource db {\n  provider = "sqlite"\n}\n']] as [string, string][];
  prepareSqliteFile(opts.scratchFile);
  const sqlite = await openSchemaEngine(sqliteMigrationFactory(opts.scratchFile), header);
  const twins: Twin[] = [];
  try {
    for (const name of missing) {
      const upTo = sqliteList.migrationDirectories.findIndex((d) => d.path === name);
      await sqlite.engine
        .applyMigrations({
          migrationsList: { ...sqliteList, migrationDirectories: sqliteList.migrationDirectories.slice(0, upTo + 1) },
          filters: schemaFilters("sqlite"),
        })
        .catch((error: unknown) => {
          throw new Error(sqlite.explain(error));
        });
      const introspected = await sqlite.engine.introspect({
        schema: { files: header.map(([p, content]) => ({ path: p, content })) },
        baseDirectoryPath: path.dirname(opts.scratchFile),
        force: true,
        compositeTypeDepth: -1,
        namespaces: null,
      });
      const files = introspected.schema.files.map((f) => ({
        path: f.path,
        content: asPostgres(withoutExternalModels(f.content)),
      }));
      const script = await postgresDiff(opts.pgUrl, opts.postgresDir, files, name);
      const handWritten = handWrittenStatements(
        readFileSync(path.join(opts.sqliteDir, "migrations", name, "migration.sql"), "utf8"),
      );
      const note = handWritten.length
        ? `-- TODO(postgres twin): the SQLite migration also has statements Prisma does not write; write\n-- their PostgreSQL form here (see prisma/sqlite/migrations/${name}/migration.sql):\n${handWritten.map((s) => `--   ${s}`).join("\n")}\n\n`
        : "";
      await writeMigration(
        opts.postgresDir,
        name,
        `${note}${script ?? "-- No schema change on PostgreSQL.\n"}`,
        "postgres",
      );
      twins.push({ name, handWritten });
    }
  } finally {
    await sqlite.close();
  }
  return twins;
}

/**
 * PostgreSQL's script from its twins older than `name` to `files` (SQLite's schema just after `name`).
 * Only the older ones: a SQLite migration that landed after newer twins were written (a branch's,
 * rebased) would otherwise be diffed against a history that already holds the newer changes, and its
 * twin would undo them.
 */
async function postgresDiff(
  pgUrl: string,
  postgresDir: string,
  files: { path: string; content: string }[],
  name: string,
) {
  const all = await readMigrationList(postgresDir);
  const list = { ...all, migrationDirectories: all.migrationDirectories.filter((d) => d.path < name) };
  const pg = await openSchemaEngine(pgMigrationFactory(pgUrl), [["schema.prisma", files[0].content]]);
  try {
    const out = await pg.engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: schemaFilters("postgres"),
    });
    return out.exitCode === 2 ? out.stdout : null;
  } catch (error) {
    throw new Error(pg.explain(error));
  } finally {
    await pg.close();
  }
}
