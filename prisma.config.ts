// Prisma CLI configuration: picks the provider folder (schema + migrations) from DATABASE_URL.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { schemaFilters } from "./lib/db/migrations-dir";
import { databaseTarget } from "./lib/db/url";

// The schema-engine binary cannot be downloaded on every machine; `prisma generate` only needs
// something that answers --version. A machine with the real binary keeps using it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma", "schema-engine-stub.sh");

const target = databaseTarget();

export default defineConfig({
  schema: target.prismaDir,
  migrations: { path: path.join(target.prismaDir, "migrations") },
  // The memory's full-text indexes are made by a raw-SQL migration (memory_fts): not Prisma's to drop.
  experimental: { externalTables: true },
  tables: { external: schemaFilters(target.provider).externalTables },
  datasource: { url: target.provider === "sqlite" ? `file:${target.url}` : target.url },
});
