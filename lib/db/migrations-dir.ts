// Reads a provider folder (schema + migrations/) into the shapes the schema engine expects.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

/** schema.prisma plus every shared model file reached through the folder's models/ link. */
export async function readSchemaFiles(prismaDir: string): Promise<[string, string][]> {
  const files: [string, string][] = [];
  async function walk(dir: string) {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.name === "migrations") continue;
      const isDir =
        entry.isDirectory() ||
        (entry.isSymbolicLink() &&
          (await readdir(full).then(
            () => true,
            () => false,
          )));
      if (isDir) await walk(full);
      else if (entry.name.endsWith(".prisma")) files.push([full, await readFile(full, "utf8")]);
    }
  }
  await walk(prismaDir);
  return files;
}

export async function readMigrationList(prismaDir: string): Promise<MigrationList> {
  const baseDir = path.join(prismaDir, "migrations");
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? (await readdir(baseDir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const file = path.join(baseDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/**
 * Tables that migrations create with raw SQL and Prisma does not model: the translation memory's
 * FTS5 indexes (migration memory_fts) with the tables SQLite keeps for each, and the vocabulary
 * view of one. Without this list the engine would write a migration that drops them.
 */
export const EXTERNAL_TABLES = [
  ...["MemoryUnitWords", "MemoryUnitSourceText", "MemoryUnitTargetText"].flatMap((name) => [
    name,
    `${name}_config`,
    `${name}_data`,
    `${name}_idx`,
  ]),
  "MemoryUnitWordsVocab",
  "MemoryUnitSourceTextVocab",
  "MemoryUnitTargetTextVocab",
];

/**
 * PostgreSQL's counterpart (migration memory_fts there): the memory's words table, kept by triggers.
 * Its trigram indexes are expression indexes on "MemoryUnit", which the engine leaves alone.
 */
export const POSTGRES_EXTERNAL_TABLES = ["MemoryUnitWords"];

/** The engine's filters for a provider (PostgreSQL wants tables named with their schema). */
export function schemaFilters(provider: "sqlite" | "postgres") {
  return provider === "sqlite"
    ? { externalTables: EXTERNAL_TABLES, externalEnums: [] }
    : { externalTables: POSTGRES_EXTERNAL_TABLES.map((t) => `public.${t}`), externalEnums: [] };
}
