// How Parallel connects to PostgreSQL: the pieces of DATABASE_URL as discrete fields (pg merges a
// connectionString over any field given beside it, so a database name set beside a URL is silently
// ignored; see migrate-postgres.ts), and the pool size (DATABASE_POOL_SIZE).

import type { PoolConfig } from "pg";
import { parse } from "pg-connection-string";
import { DatabaseSetupError } from "./errors";

/** Connections one instance opens at most (pg's own default is 10). */
export const DEFAULT_POOL_SIZE = 10;

export function poolSize(value = process.env.DATABASE_POOL_SIZE): number {
  if (value === undefined || value === "") return DEFAULT_POOL_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new DatabaseSetupError(
      "bad_url",
      `DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "${value}".`,
    );
  }
  return n;
}

/** The connection fields of a postgresql:// URL (host, port, user, password, database, ssl…). */
export function pgConnectionConfig(url: string): PoolConfig {
  const parsed = parse(url);
  const config: PoolConfig = {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    application_name: parsed.application_name ?? "parallel",
  };
  if (parsed.ssl !== undefined && parsed.ssl !== null) config.ssl = parsed.ssl as PoolConfig["ssl"];
  if (parsed.options) config.options = parsed.options;
  return config;
}

/** The URL without its password, for messages. */
export function describePgUrl(url: string): string {
  const c = pgConnectionConfig(url);
  return `${c.user ?? ""}@${c.host ?? "localhost"}:${c.port ?? 5432}/${c.database ?? ""}`;
}
