import path from "node:path";
import { DatabaseSetupError } from "./errors";

/** The embedded default: a SQLite file beside the app, created on first start. */
export const DEFAULT_DATABASE_URL = "file:./data/parallel.db";

export type Provider = "sqlite" | "postgres";

export interface DatabaseTarget {
  provider: Provider;
  /** For SQLite: absolute file path. For PostgreSQL: the connection string as given. */
  url: string;
  /** Folder holding schema.prisma and migrations/ for this provider. */
  prismaDir: string;
}

const ROOT = process.cwd();

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new DatabaseSetupError(
    "bad_url",
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:"`,
  );
}

/** Reads DATABASE_URL (or the default) and resolves a relative SQLite path against the app folder. */
export function databaseTarget(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = url.slice("file:".length).split("?")[0];
    return {
      provider,
      url: file === ":memory:" ? file : path.resolve(/*turbopackIgnore: true*/ ROOT, file),
      prismaDir: path.join(ROOT, "prisma", "sqlite"),
    };
  }
  return { provider, url, prismaDir: path.join(ROOT, "prisma", "postgres") };
}
